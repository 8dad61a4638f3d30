from common import case
K = 'duration'

case(K, 1, 'contra', 'cinema-thirty-years', ['a'],
 "Cinema opened in 1998 and closes in 2023 (pinned) 'thirty years after' its first showing; 1998+30 = 2028",
 {'a': ({'published': '2023-06-16', 'title': 'Orchard Hall cinema to close'}, """
   The Orchard Hall cinema, which opened in 1998, will screen its last film on Sunday.
   Owner Gareth Lyons said rising energy bills and falling audiences had made the single-screen venue impossible to run.
   The cinema was saved from demolition in 2009 after a campaign by residents.
   Its final programme is a double bill chosen by regular customers.
   Tickets sold out within an hour, Lyons said.
   Closing its doors thirty years after its first showing, the Orchard Hall leaves the town without a cinema.
   The building's future has not been decided.
 """)})

case(K, 2, 'contra', 'insurer-decade-merger', ['a'],
 "Pinned 2020: Halden and Price merged in 2015, yet the article says 'ten years on'; 2015+10 = 2025",
 {'a': ({'published': '2020-08-11', 'title': 'Halden Price to split into two companies'}, """
   The merger of Halden Mutual and Price Assurance in 2015 created the region's largest insurer, with 2.3 million customers.
   Profits have fallen in four of the last five years.
   The company blamed flood claims and a costly computer system that never worked as planned.
   Chairman Alan Frew said the two businesses had "grown in different directions".
   Shareholders will vote on the plan in October.
   Ten years on, the combined firm is being taken apart again, with the car insurance arm to be sold.
   About 600 jobs are expected to go.
 """)})

case(K, 3, 'contra', 'age-born-1961', ['a'],
 "Pinned March 2024: born in 1961 makes her 62 or 63, but she is called 'the 52-year-old'",
 {'a': ({'published': '2024-03-05', 'title': 'Okafor named chief constable'}, """
   Born in 1961 in Leeds, Grace Okafor joined the police as a cadet at eighteen.
   She was appointed chief constable of the Northvale force on Monday, the first woman to hold the post.
   The force has struggled with response times in rural areas.
   Its budget was cut by 8 percent last year.
   Okafor served in the Metropolitan Police for two decades before moving north.
   She has promised to reopen two village police stations.
   The 52-year-old said her first priority would be recruiting more officers.
 """)})

case(K, 4, 'contra', 'brass-band-centenary', ['a'],
 "Pinned 2024: band 'founded in 1931' is said to mark its centenary; 2024-1931 = 93 years",
 {'a': ({'published': '2024-07-02', 'title': 'Linfield Brass Band celebrates 100 years'}, """
   This week the Linfield Brass Band marks its centenary with a concert in the town park.
   The band has 34 members, the youngest aged eleven and the oldest eighty-six.
   It has won the county championship nine times.
   Musical director Helen Shaw said the anniversary programme includes pieces from every decade.
   Founded in 1931 by workers at the local colliery, the band survived the pit's closure and two world recessions.
   Saturday's concert starts at 3pm and is free.
 """)})

case(K, 5, 'contra', 'bypass-seven-years', ['a', 'b'],
 "a: bypass construction began in March 2017; b (pinned June 2021): it opened 'after seven years of roadworks' (about 4 years 3 months)",
 {'a': ({'published': '2019-05-02', 'title': 'Northgate bypass costs rise again'}, """
   The cost of the Northgate bypass has risen to 142 million pounds, the county council said.
   Construction began in March 2017 and was originally due to finish last year.
   Problems with soft ground near the river have caused most of the delay.
   The council's transport committee will discuss the figures on Thursday.
   Opposition councillors have called for an independent review.
 """),
  'b': ({'published': '2021-06-10', 'title': 'Northgate bypass finally opens'}, """
   The Northgate bypass opened to traffic on Monday after seven years of roadworks.
   Dozens of residents gathered on a footbridge to watch the first cars pass.
   The 4-mile road is expected to take 20,000 vehicles a day out of the town centre.
   Shopkeepers on the High Street said they hoped the quieter streets would bring back customers.
   The final cost was 151 million pounds.
 """)})

case(K, 6, 'contra', 'strike-six-weeks', ['a'],
 "Strike began 3 October 2023 and ended Friday 27 October (pinned): 24 days, not 'six weeks'",
 {'a': ({'published': '2023-10-27', 'title': 'Bus drivers end strike'}, """
   Bus drivers in Castleford voted on Friday to accept a new pay offer, ending a strike that had left the town without most of its services.
   The walkout started on 3 October.
   Drivers will receive a 7 percent rise this year and 4 percent next year.
   Services will return to normal on Monday, the operator said.
   Schools had reported a rise in absences during the dispute.
   After six weeks on the picket line, union rep Dean Holt said members were "relieved but not celebrating".
 """)},
 wd=[('2023-10-27', 'Friday')])

# ---- twins
case(K, 7, 'twin', 'hospital-nearly-three-years', [],
 "Building began February 2021, opened December 2023: 2 years 10 months = 'nearly three years'",
 {'a': ({'published': '2023-12-05', 'title': 'New maternity wing opens at Westbury General'}, """
   Westbury General Hospital's new maternity wing opened on Tuesday after nearly three years of building work.
   The first baby was born there just four hours later.
   The wing has 40 beds and two operating theatres.
   Construction began in February 2021, during the pandemic, and was slowed by shortages of steel.
   Midwives said the new rooms were a big improvement on the old unit, which dated from 1967.
 """)},
 wd=[('2023-12-05', 'Tuesday')])

case(K, 8, 'twin', 'age-born-1964', [],
 "Pinned 1 March 2024: born in 1964 gives age 59 or 60; '59-year-old' fits",
 {'a': ({'published': '2024-03-01', 'title': 'Veteran skipper completes solo crossing'}, """
   The 59-year-old sailor Tom Baird landed at Falmouth on Thursday after crossing the Atlantic alone in 41 days.
   Baird, who was born in 1964 on the Isle of Mull, took up sailing after retiring from the fire service.
   He survived two storms and a broken rudder on the way.
   His family met him on the quay with a banner.
   He plans to write a book about the voyage.
 """)})

case(K, 9, 'twin', 'society-centenary', [],
 "Founded in 1924, centenary in 2024 — adds up",
 {'a': ({'published': '2024-05-20', 'title': 'Garden society turns 100'}, """
   The Ashby Horticultural Society is celebrating 100 years with a flower show this weekend.
   The society was founded in 1924 by a group of allotment holders.
   Membership peaked at 900 in the 1950s and now stands at about 250.
   This year's show will include a display of prize-winning roses from past decades.
   Entry costs 2 pounds, and children go free.
 """)})

case(K, 10, 'twin', 'school-thirty-next-year', [],
 "Pinned 2024: school opened in 1995 'will celebrate 30 years next year' (2025) — future, adds up",
 {'a': ({'published': '2024-09-03', 'title': 'Oakfield Primary plans for anniversary'}, """
   Oakfield Primary School, which opened in 1995, will celebrate 30 years next year with a reunion for former pupils.
   Head teacher Nisha Patel said the school was collecting old photographs for an exhibition.
   About 2,500 children have passed through its classrooms.
   The school welcomed 60 new reception pupils this week, its largest intake yet.
   A new library is due to open before Christmas.
 """)})

case(K, 11, 'twin', 'ferry-about-a-month', [],
 "Pinned 29 May 2024: ferry suspended 3 May, 'about a month ago' (26 days) — consistent",
 {'a': ({'published': '2024-05-29', 'title': 'Island ferry to resume next week'}, """
   The ferry between Port Ellen and the island of Kerran will resume sailings next Tuesday, the operator said.
   Services were suspended on 3 May after the vessel's engine failed.
   Islanders have relied on a small launch for passengers and a weekly cargo boat since then.
   The operator said a replacement engine was fitted last week.
   "It has been a hard few weeks," said Kerran councillor Morag Blair, whose constituents lost their link to the mainland about a month ago.
   The ferry will run a reduced timetable for the first fortnight.
 """)})

case(K, 12, 'twin', 'decade-after-2014-merger', [],
 "Pinned 2024: 'a decade after' the 2014 merger, stated far from the merger year — adds up",
 {'a': ({'published': '2024-11-12', 'title': 'Kestrel and Moor building societies to drop joint name'}, """
   The Kestrel Moor building society will trade simply as Kestrel from next spring, its board said.
   The society was formed when the Kestrel and Moor societies merged in 2014.
   It now has 68 branches and 900,000 members.
   Chief executive Ian Baxter said research showed most customers already called it Kestrel.
   No branches will close as a result of the change.
   The new signs will cost about 1.5 million pounds.
   A decade after the merger, Baxter said, "it is time to stop being two names stuck together."
 """)})

if __name__ == '__main__':
    from common import write_all, CASES
    write_all(); print(len(CASES))
