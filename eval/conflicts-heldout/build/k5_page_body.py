from common import case
K = 'page_body'

case(K, 1, 'contra', 'published-before-yesterday', ['a'],
 "Page stamp 'Published 3 March 2021', but the body calls 9 March 2021 'yesterday'",
 {'a': (None, """
   Hollin Valley Echo
   Published 3 March 2021

   Council backs new cycle lanes

   Yesterday's vote, on 9 March 2021, means work on three new cycle lanes in the town centre can start this summer.
   Councillors voted 24 to 11 in favour after a debate lasting more than three hours.
   Shop owners on Bridge Street had argued that losing parking spaces would hurt trade.
   The council said a survey found most shoppers arrive on foot or by bus.
   The lanes will cost 1.2 million pounds, mostly paid by a government grant.
 """)})

case(K, 2, 'contra', 'copyright-2019-fair-2023', ['a'],
 "Footer '© 2019 Hartwell Gazette' but the page reports the 2023 fair as 'this year's' and already over",
 {'a': ({'title': 'Harvest fair breaks attendance record'}, """
   Harvest fair breaks attendance record

   This year's Hartwell harvest fair drew more than 9,000 visitors, the highest number since it began in 1952.
   The 2023 fair wrapped up on Sunday with the traditional heavy-horse parade.
   The prize for the largest marrow went to retired postman Ken Dobbs for the fourth time.
   Organisers said the new food hall had been a success and would return.
   Volunteers will meet next month to start planning the 2024 event.

   © 2019 Hartwell Gazette. All rights reserved.
 """)})

case(K, 3, 'contra', 'last-updated-before-storm', ['a'],
 "'Last updated: 12 January 2020', yet the body reports a storm that struck on Saturday, 18 January 2020",
 {'a': (None, """
   Coastal News Online
   Last updated: 12 January 2020

   Storm leaves thousands without power

   Storm Idris struck the west coast on Saturday, 18 January 2020, bringing gusts of up to 90mph and bringing down power lines across three counties.
   About 40,000 homes lost electricity at the height of the storm.
   Ferries to the islands were cancelled for a second day.
   Engineers worked through the night to restore supplies.
   The Met Office said a further weather warning was possible later in the week.
 """)},
 wd=[('2020-01-18', 'Saturday')])

case(K, 4, 'contra', 'posted-a-year-ago-today', ['a'],
 "Post stamped 'June 4, 2018', but 'a year ago today' is dated June 4, 2016",
 {'a': (None, """
   Posted on June 4, 2018 by Staff

   Creek cleanup volunteers return to the water

   A year ago today, on June 4, 2016, a chemical spill turned Miller Creek orange for nearly two miles.
   Volunteers from the Miller Creek Watch returned to the banks on Monday to count fish and collect litter.
   They found brook trout in stretches that had been empty after the spill.
   The company responsible paid $1.4 million toward restoration.
   Another cleanup day is planned for August.
 """)})

case(K, 5, 'contra', 'black-friday-next-week', ['a'],
 "Stamp 'Published: 2022-11-30', but the body looks ahead to 'next week's' sales 'starting 25 November'",
 {'a': ({'title': 'Retailers brace for a quieter Black Friday'}, """
   Published: 2022-11-30 09:15 GMT

   Retailers brace for a quieter Black Friday

   High street shops expect next week's Black Friday sales, starting 25 November, to be the weakest in years as households cut back.
   A survey of 2,000 adults found six in ten planned to spend less than last year.
   Electronics chains are offering bigger discounts than usual to clear stock.
   Online retailers say more customers are using buy-now-pay-later schemes.
   The British Retail Consortium will publish its figures in December.
 """)})

case(K, 6, 'contra', 'byline-date-report-today', ['a'],
 "Byline dated March 14, 2017, but the body says the report was 'released today, March 20'",
 {'a': (None, """
   By Jane Ruiz | March 14, 2017

   Drought pushes reservoir to record low

   The Cedar Lake reservoir has fallen to 31 percent of capacity, its lowest level on record, according to a report released today, March 20, by the county water district.
   The district has asked residents to cut outdoor watering to two days a week.
   Farmers in the valley have been told to expect smaller allocations.
   Rainfall this winter was less than half the average.
   The water board will consider mandatory limits at its next meeting.
 """)})

# ---- twins
case(K, 7, 'twin', 'published-then-updated', [],
 "'Published 3 March 2021 · Last updated 9 March 2021'; the added update dated 8 March falls inside that window",
 {'a': (None, """
   Hollin Valley Echo
   Published 3 March 2021 · Last updated 9 March 2021

   Council to vote on new cycle lanes

   Councillors will vote next week on plans for three new cycle lanes in the town centre.
   Shop owners on Bridge Street say losing parking spaces would hurt trade.
   The council says most shoppers arrive on foot or by bus.
   The lanes would cost 1.2 million pounds, mostly paid by a government grant.

   Update: On 8 March the council approved the plans by 24 votes to 11.
 """)})

case(K, 8, 'twin', 'copyright-newer-than-article', [],
 "'Published 12 October 2023' with footer '© 2024' — the footer is the page's render year; the body's 2023 season is in the past, consistent",
 {'a': (None, """
   Riverside Courier
   Published 12 October 2023

   Rowing club ends season on a high

   The Riverside Rowing Club finished the 2023 season with eleven regatta wins, its best result in a decade.
   The women's four won at every regatta they entered.
   Coach Liam Dorsey said the new boathouse, opened in April, had helped attract young members.
   Winter training starts next week.

   © 2024 Riverside Courier Ltd
 """)})

case(K, 9, 'twin', 'future-plans-after-stamp', [],
 "'Published 5 May 2022'; later dates are plans ('is scheduled to open in 2025', 'due to finish by spring 2024')",
 {'a': (None, """
   Published 5 May 2022

   Work starts on new county library

   Builders moved on to the site of the new Eastbrook county library this week.
   The 18 million pound building is scheduled to open in 2025.
   The main structure is due to finish by spring 2024, with fitting out taking another year.
   The old library on Castle Street will stay open until the move.
   Its building will be sold to help pay for the project.
 """)})

case(K, 10, 'twin', 'sidebar-latest-news', [],
 "'Published 5 May 2022'; the 'Latest news' sidebar with 19 May dates is page material, not the article",
 {'a': (None, """
   Published 5 May 2022

   Ferry operator orders two electric boats

   The Kestrel Ferry Company has ordered two battery-powered boats for its river crossings, the first in the region.
   The boats will be built in Norway and will carry 120 passengers each.
   They will charge at each landing while passengers board.
   The company said fuel costs had doubled in a year.

   Latest news
   Council confirms new bus routes - 19 May 2022
   Flower show returns after three years - 21 May 2022
 """)})

case(K, 11, 'twin', 'posted-two-years-ago-today', [],
 "Post stamped 'June 4, 2018'; 'two years ago today, on June 4, 2016' adds up",
 {'a': (None, """
   Posted on June 4, 2018 by Staff

   Creek cleanup volunteers mark anniversary

   Two years ago today, on June 4, 2016, a chemical spill turned Miller Creek orange for nearly two miles.
   Volunteers from the Miller Creek Watch returned to the banks this week to count fish and collect litter.
   They found brook trout in stretches that had been empty after the spill.
   The company responsible paid $1.4 million toward restoration.
 """)})

case(K, 12, 'twin', 'black-friday-last-week', [],
 "Stamp 'Published: 2022-11-30'; 'last week's' sales 'which started on 25 November' fit",
 {'a': ({'title': 'Black Friday spending falls'}, """
   Published: 2022-11-30 09:15 GMT

   Black Friday spending falls

   Shoppers spent less in last week's Black Friday sales, which started on 25 November, than in any year since 2019, card data shows.
   Spending was down 4 percent on last year in real terms.
   Electronics and toys held up better than clothing.
   Retailers now hope for a stronger run-up to Christmas.
 """)},
 wd=[('2022-11-25', 'Friday')])

if __name__ == '__main__':
    from common import write_all, CASES
    write_all(); print(len(CASES))
