from common import case
K = 'inverted_range'

case(K, 1, 'contra', 'exhibition-12-may-to-3-may', ['a'],
 "The exhibition 'runs from 12 May to 3 May' — the end precedes the start",
 {'a': ({'published': '2023-04-28', 'title': 'Lyle Gallery shows forgotten coastal painter'}, """
   The Lyle Gallery will show more than 60 works by the coastal painter Edith Marr, most of which have never been exhibited.
   Marr painted the fishing villages of the north-east for forty years but sold few pictures in her lifetime.
   Her nephew found the paintings in a barn in 2020.
   The exhibition runs from 12 May to 3 May, and entry is free.
   A book accompanying the show will be published in June.
 """)})

case(K, 2, 'contra', 'revenue-between-2019-and-2015', ['a'],
 "'Between 2019 and 2015, revenue tripled' used as a period running backwards",
 {'a': ({'published': '2021-05-12', 'title': 'Tech firm Orbel plans stock market listing'}, """
   Software company Orbel plans to list its shares in London later this year, which could value it at 2 billion pounds.
   The company makes scheduling software used by hospitals and airlines.
   Between 2019 and 2015, its revenue tripled as customers moved their systems online.
   It now employs 1,100 people, mostly in Manchester.
   Founder Ravi Menon will keep a 30 percent stake.
   Banks advising on the listing expect strong demand from investors.
 """)})

case(K, 3, 'contra', 'road-closure-june10-through-june7', ['a'],
 "Road 'closed from Monday, June 10, through Friday, June 7' (2024) — the end is three days before the start",
 {'a': ({'published': '2024-06-03', 'title': 'Elm Avenue to close for sewer work'}, """
   Elm Avenue will be closed to through traffic from Monday, June 10, through Friday, June 7, while crews replace a collapsed sewer line.
   Residents will have access to their driveways.
   Detour signs will direct drivers to Maple Street.
   The city said the work had been moved up after a sinkhole opened last month.
   The project will cost about $380,000.
 """)},
 wd=[('2024-06-10', 'Monday'), ('2024-06-07', 'Friday')])

case(K, 4, 'contra', 'coach-tenure-2018-2014', ['a'],
 "Tenure written as '(2018–2014)' — a period whose end precedes its start",
 {'a': ({'published': '2022-01-19', 'title': 'Former coach Dale Rooker dies at 71'}, """
   Dale Rooker, who led the Fenwick Hawks to their only state title, has died at 71.
   Rooker coached the team for years before moving into broadcasting.
   His spell as head coach (2018–2014) included the 2016 championship win over Clayton.
   Players remembered him as strict but generous with his time.
   A memorial service will be held at the school gymnasium on Saturday.
   He is survived by his wife, two sons and five grandchildren.
 """)})

case(K, 5, 'contra', 'works-october-2021-to-march-2020', ['a'],
 "Refurbishment 'lasted from October 2021 to March 2020' — range runs backwards",
 {'a': ({'published': '2022-06-01', 'title': 'Station refurbishment wins design award'}, """
   The refurbished Kingsmead railway station has won a national design award.
   The judges praised its new glass roof and the restored Victorian ticket hall.
   The works, which lasted from October 2021 to March 2020, were carried out while trains kept running.
   Passenger numbers at the station have risen by 15 percent since it reopened.
   Network Rail said it would use the same approach at other stations.
 """)})

case(K, 6, 'contra', 'consultation-opened-closed-apart', ['a'],
 "The consultation 'opened on 14 September' and, several sentences later, 'closed on 2 September' — the period ends before it begins",
 {'a': ({'published': '2020-10-06', 'title': 'Residents split over town centre plan'}, """
   A public consultation on the future of Rawley town centre opened on 14 September.
   The plan would pedestrianise the high street and move the bus station to the edge of town.
   Traders are divided, with cafes broadly in favour and larger shops opposed.
   The council held four drop-in sessions at the library.
   An online survey was also available.
   The consultation closed on 2 September, with more than 900 responses.
   Councillors will make a decision in November.
 """)})

# ---- twins
case(K, 7, 'twin', 'holiday-closure-across-new-year', [],
 "'From 28 December to 3 January' crosses the year boundary — not inverted",
 {'a': ({'published': '2023-12-01', 'title': 'Leisure centre sets holiday hours'}, """
   Greenway Leisure Centre will close its pool from 28 December to 3 January for annual maintenance.
   The gym and sports hall will stay open with reduced hours.
   The centre will run free swimming sessions for children on 23 December.
   New timetables are available at reception and online.
   Members will receive a discount on their January fees.
 """)})

case(K, 8, 'twin', 'sales-2019-versus-2015', [],
 "'Sales in 2019 were double those of 2015' compares two years, descending order but no range",
 {'a': ({'published': '2021-05-12', 'title': 'Cider maker expands orchard'}, """
   Thornbury Cider has planted 4,000 new apple trees to keep up with demand.
   Sales in 2019 were double those of 2015, and the pandemic did little to slow them.
   The company sells mostly to pubs and farm shops in the south-west.
   It plans to open a visitor centre next year.
   Owner Jess Hallam said the new trees would not produce fruit for another three years.
 """)})

case(K, 9, 'twin', 'overnight-works-11pm-to-5am', [],
 "Overnight works 'from 11pm to 5am' end the next morning — not inverted",
 {'a': ({'published': '2022-02-14', 'title': 'Overnight closures for motorway bridge repairs'}, """
   The M62 between junctions 24 and 25 will close overnight for two weeks while engineers repair a bridge joint.
   Closures will run from 11pm to 5am, starting on Sunday.
   Diversions will be signed via the A644.
   The works were brought forward after an inspection found cracking.
   National Highways apologised for the disruption.
 """)})

case(K, 10, 'twin', 'festival-may31-to-june2', [],
 "'Friday through Sunday, May 31 to June 2' (2024) runs forward across a month boundary; 'Sunday, May 31' is not a weekday-date pair (May 31 is the Friday)",
 {'a': ({'published': '2024-05-20', 'title': 'Riverfront jazz festival announces lineup'}, """
   The Riverfront Jazz Festival returns Friday through Sunday, May 31 to June 2, with more than 40 acts on three stages.
   Headliners include the trumpeter Marcus Bell and the Lila Moss Quartet.
   Weekend passes cost $85, with single-day tickets at $35.
   Organisers have added a family area with free workshops.
   Shuttle buses will run from the downtown parking garages.
 """)},
 wd=[('2024-05-31', 'Friday'), ('2024-06-02', 'Sunday')])

case(K, 11, 'twin', 'season-2023-24', [],
 "'The 2023–24 season' and 'the 2023/24 financial year' are forward spans",
 {'a': ({'published': '2024-05-28', 'title': 'Theatre reports best year since reopening'}, """
   The Grange Theatre sold 142,000 tickets in the 2023–24 season, its best year since reopening after the pandemic.
   Its Christmas pantomime alone drew 38,000 people.
   Accounts for the 2023/24 financial year show a small surplus.
   The theatre plans to spend the money on new seating.
   Next season opens in September with a new play by local writer Amira Khan.
 """)})

case(K, 12, 'twin', 'mayor-two-terms-reverse-mention', [],
 "Two correct ranges mentioned newest first: 2010 to 2015, having first served 1998 to 2004",
 {'a': ({'published': '2023-08-15', 'title': 'Former mayor Evelyn Grant honoured'}, """
   Former mayor Evelyn Grant has been awarded the freedom of the borough.
   Grant served as mayor from 2010 to 2015, having first held the post from 1998 to 2004.
   She led the campaign to reopen the railway line to Ashcombe.
   At a ceremony on Monday she thanked the council staff she had worked with.
   A portrait of her will hang in the town hall.
 """)})

if __name__ == '__main__':
    from common import write_all, CASES
    write_all(); print(len(CASES))
