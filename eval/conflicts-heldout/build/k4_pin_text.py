from common import case
K = 'pin_text'

case(K, 1, 'contra', 'election-count-before-vote', ['a'],
 "Pinned Tue 10 May 2022, but the body reports the count of Sunday's election 'on May 15' as already finished",
 {'a': ({'published': '2022-05-10', 'title': 'Greens gain three seats in Ardley'}, """
   The Green Party gained three seats on Ardley district council as the count from Sunday's election on May 15 finished in the early hours of Monday.
   Labour kept control of the council with a reduced majority.
   Turnout was 34 percent.
   The Greens' group leader, Fiona Marsh, said voters had backed their plan for a low-traffic town centre.
   The Conservatives lost two seats, including that of their deputy leader.
   The new council meets for the first time next week.
 """)},
 wd=[('2022-05-15', 'Sunday'), ('2022-05-10', 'Tuesday')])

case(K, 2, 'contra', 'minister-yesterday-march3', ['a'],
 "Pinned 9 March 2021, but 'yesterday' is given as March 3",
 {'a': ({'published': '2021-03-09', 'title': 'Minister defends rail fare rise'}, """
   The transport minister has defended a 2.6 percent rise in regulated rail fares, saying the money was needed to keep services running.
   Passenger groups said the increase came at the worst possible time.
   Speaking yesterday, March 3, at a depot in Derby, the minister said fares had been frozen for longer than in most European countries.
   Season ticket holders will pay on average 80 pounds more a year.
   The rise applies from the start of next month.
   Unions have threatened to ballot members over related job cuts.
 """)})

case(K, 3, 'contra', 'plant-earlier-this-month', ['a'],
 "Pinned 5 July 2023, yet the shutdown is dated 'earlier this month, on June 20'",
 {'a': ({'published': '2023-07-05', 'title': 'Talks fail to save Corby bottling plant'}, """
   Talks between the owners of the Corby bottling plant and a prospective buyer have broken down, the union said on Wednesday.
   About 350 workers lost their jobs when the plant was shut down earlier this month, on June 20.
   The owner, Vireo Drinks, blamed falling demand for glass bottles.
   Local MP Sarah Gill said she would meet the business secretary next week.
   A jobs fair for former staff will be held at the town's leisure centre.
 """)},
 wd=[('2023-07-05', 'Wednesday')])

case(K, 4, 'contra', 'lorry-this-morning-14-august', ['a'],
 "Pinned Mon 17 Aug 2020, but 'this morning' is dated 14 August",
 {'a': ({'published': '2020-08-17', 'title': 'A34 closed after lorry overturns'}, """
   A lorry carrying building sand overturned on the A34 near Didcot at about 6am this morning, 14 August, closing the northbound carriageway.
   The driver was taken to hospital with minor injuries.
   Police said the road would stay shut until at least midday while the load was cleared.
   Drivers were advised to use the A4130 instead.
   Queues stretched back for four miles during the morning rush.
 """)})

case(K, 5, 'contra', 'profits-reported-12-february', ['a'],
 "Pinned 1 Feb 2019, but the body reports in the past tense what the company 'said on Tuesday, 12 February' (2019-02-12 is a Tuesday)",
 {'a': ({'published': '2019-02-01', 'title': 'Harrow Engineering profits slide'}, """
   Annual profit at Harrow Engineering fell by a fifth, the company said on Tuesday, 12 February, as orders from the car industry dried up.
   Pre-tax profit was 41 million pounds, down from 52 million.
   The company will cut 200 jobs at its Coventry site.
   Chief executive Neil Amis said the outlook for the year was "uncertain".
   Shares closed 6 percent lower.
 """)},
 wd=[('2019-02-12', 'Tuesday'), ('2018-02-12', 'Monday')])

case(K, 6, 'contra', 'summit-tomorrow-19-april', ['a'],
 "Pinned 16 April 2024, but 'tomorrow' is dated 19 April",
 {'a': ({'published': '2024-04-16', 'title': 'Ocean summit hears plea from island states'}, """
   Leaders of small island states urged wealthier nations to pay for coastal defences at the Ocean Futures summit in Lisbon.
   The prime minister of Tuvaka said her country could lose a third of its land by the end of the century.
   Delegates from 60 countries are attending.
   Environmental groups staged a protest outside the conference centre.
   The summit closes tomorrow, 19 April, with a joint declaration expected.
   Negotiators were still arguing over its wording late on Tuesday.
 """)},
 wd=[('2024-04-16', 'Tuesday')])

# ---- twins
case(K, 7, 'twin', 'storm-about-a-month-ago', [],
 "Pinned 29 May 2024: the storm 'about a month ago, on May 3' is 26 days earlier — consistent",
 {'a': ({'published': '2024-05-29', 'title': 'Orchards count cost of spring storm'}, """
   Fruit growers in the Vale say they expect to lose up to half of this year's apple crop after the hailstorm that hit about a month ago, on May 3.
   The storm stripped blossom from trees across 2,000 acres.
   Growers have asked for emergency support from the government.
   Some farms have started selling fruit from other regions to keep their shops open.
   Insurers say claims are running at three times the usual level.
 """)},
 wd=[('2024-05-03', 'Friday')])

case(K, 8, 'twin', 'election-set-for-may15', [],
 "Pinned 10 May 2022: 'Sunday's election, set for May 15' is a future plan — consistent",
 {'a': ({'published': '2022-05-10', 'title': 'Candidates make final push in Ardley'}, """
   Candidates in Ardley spent Tuesday knocking on doors ahead of Sunday's election, set for May 15.
   Forty-two candidates are standing for 30 seats on the district council.
   Polls will be open from 7am to 10pm.
   Voters must bring photo identification for the first time.
   The count is expected to finish in the early hours of Monday.
 """)},
 wd=[('2022-05-15', 'Sunday'), ('2022-05-10', 'Tuesday')])

case(K, 9, 'twin', 'minister-yesterday-march8', [],
 "Pinned 9 March 2021: 'yesterday, March 8' — consistent",
 {'a': ({'published': '2021-03-09', 'title': 'Minister defends bus subsidy cut'}, """
   The transport minister has defended cuts to rural bus subsidies, arguing that demand-responsive minibuses would serve villages better.
   Speaking yesterday, March 8, at a depot in Lincoln, he said many rural routes carried fewer than five passengers per trip.
   Campaigners said older residents without smartphones would struggle to book the new service.
   The change affects 140 routes in England.
   The minister will give evidence to the transport committee next month.
 """)},
 wd=[('2021-03-08', 'Monday')])

case(K, 10, 'twin', 'sidebar-later-dates', [],
 "Pinned 2 April 2023; the 'More from Local News' sidebar lists later-dated stories — page material, not the article's own dating",
 {'a': ({'published': '2023-04-02', 'title': 'Harbour board approves dredging contract'}, """
   The Saltmouth harbour board has awarded a 3 million pound contract to deepen the main channel so that larger cruise ships can dock.
   The work will take about four months.
   Fishermen have asked for the dredging to avoid the spring spawning season.
   The board's chairman said the contractor had agreed to pause work in May.
   The first cruise ship visit is planned for next year.

   More from Local News
   Harbour dredging begins as barges arrive - 14 April 2023
   Cruise line confirms first Saltmouth call - 21 April 2023
   Fishermen win spawning-season pause - 3 May 2023
 """)})

case(K, 11, 'twin', 'last-week-feb21', [],
 "Pinned Thu 2 March 2023: 'last week, on Tuesday, February 21' falls in the previous week — consistent",
 {'a': ({'published': '2023-03-02', 'title': 'Parents win reprieve for village school'}, """
   Parents in Halsey have won a reprieve for the village primary school, which the county had planned to merge with a larger school in town.
   Councillors voted to delay the decision last week, on Tuesday, February 21, after a petition signed by 1,400 people.
   The school has 48 pupils.
   A consultation will now run until the summer.
   Parents said they would keep campaigning.
 """)},
 wd=[('2023-02-21', 'Tuesday'), ('2023-03-02', 'Thursday')])

case(K, 12, 'twin', 'resurfacing-due-by-30-june', [],
 "Pinned 1 June 2021: 'due to finish by 30 June' and 'is scheduled to start on 7 June' are plans — consistent",
 {'a': ({'published': '2021-06-01', 'title': 'Mill Road resurfacing to begin'}, """
   Resurfacing of Mill Road is scheduled to start on 7 June and is due to finish by 30 June, the council said.
   The road will be closed overnight between 8pm and 6am.
   Buses will be diverted via Station Road.
   Residents will be able to reach their homes at all times.
   The work is part of a 5 million pound programme to repair roads damaged in the winter.
 """)},
 wd=[('2021-06-07', 'Monday')])

if __name__ == '__main__':
    from common import write_all, CASES
    write_all(); print(len(CASES))
