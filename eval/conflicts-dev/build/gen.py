#!/usr/bin/env python3
"""Writes eval/conflicts-dev/<kind>/<NN>-<contra|twin>-<slug>/ (the tuning half).

Written from the seven kind descriptions alone, before the conflict code was read.
Every weekday a case relies on is asserted with datetime. Run: python3 gen.py
"""
import datetime as dt, os, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def wd(y, m, d, name, ok=True):
    real = WD[dt.date(y, m, d).weekday()]
    assert (real == name) == ok, (y, m, d, name, real)


def art(pub, title, body):
    head = f'---\npublished: {pub}\ntitle: "{title}"\n---\n' if pub else ""
    return head + body.strip() + "\n"


CASES = []


def case(kind, slug, conflict, docs, why, **arts):
    CASES.append((kind, slug, conflict, docs, why, arts))


# 1 same_event ---------------------------------------------------------------
wd(2022, 4, 7, "Thursday")
case("same_event", "warehouse-fire-last-thursday", True, ["a", "b"], "fire on April 3 vs last Thursday = April 7",
     a=art("2022-04-10", "Dunmore fire inquiry opens", "Investigators opened an inquiry into the Dunmore warehouse fire, which broke out on April 3 and burned for two days. The owner said the building was insured."),
     b=art("2022-04-11", "Dunmore workers return", "Workers returned to the site of the Dunmore warehouse fire, which broke out last Thursday, to collect their belongings. The cause is still unknown."))
case("same_event", "levy-referendum-early-april", True, ["a", "b"], "referendum May 18 vs early April",
     a=art("2021-06-01", "Kelso levy passes", "Voters in Kelso approved the school levy in a referendum held on May 18. Turnout was low."),
     b=art("2021-06-02", "Kelso schools plan spending", "The Kelso school levy, approved in a referendum in early April, will pay for two new roofs, the board said."))
case("same_event", "bridge-collapse-two-dates", True, ["a", "b"], "collapse on November 2 vs November 9",
     a=art("2020-11-20", "Marsh Street bridge", "The Marsh Street bridge collapsed on the morning of November 2, cutting the town in two. Nobody was hurt."),
     b=art("2020-11-21", "Engineers report on bridge", "Engineers have blamed corrosion for the collapse of the Marsh Street bridge on November 9. A temporary crossing is planned."))
case("same_event", "recall-yesterday-vs-date", True, ["a", "b"], "recall announced yesterday (Sept 29) vs September 25",
     a=art("2019-09-30", "Ardent Foods recall", "Ardent Foods announced a recall of its frozen pies yesterday after complaints about glass."),
     b=art("2019-10-03", "Ardent recall widens", "The recall that Ardent Foods announced on September 25 now covers three more products, the regulator said."))
case("same_event", "merger-completed-mid-november", True, ["a", "b"], "merger completed December 31 vs mid-November",
     a=art("2024-01-15", "Halden Bank results", "Halden Bank completed its merger with Corrin Trust on December 31, the bank said in its annual letter."),
     b=art("2024-01-16", "Corrin staff told of cuts", "Staff at Corrin Trust were told of job cuts. The trust's merger with Halden Bank was completed in mid-November."))
wd(2022, 4, 3, "Sunday")
case("same_event", "warehouse-fire-sunday", False, [], "April 3, 2022 is the Sunday before April 6",
     a=art("2022-04-10", "Dunmore fire inquiry opens", "Investigators opened an inquiry into the Dunmore warehouse fire, which broke out on April 3 and burned for two days."),
     b=art("2022-04-06", "Dunmore workers return", "Workers returned to the site of the Dunmore warehouse fire, which broke out on Sunday, to collect their belongings."))
case("same_event", "levy-referendum-mid-may", False, [], "May 18 is mid-May",
     a=art("2021-06-01", "Kelso levy passes", "Voters in Kelso approved the school levy in a referendum held on May 18. Turnout was low."),
     b=art("2021-06-02", "Kelso schools plan spending", "The Kelso school levy, approved in a referendum in mid-May, will pay for two new roofs."))
case("same_event", "bridge-collapse-two-weeks-ago", False, [], "two weeks before November 16 is November 2",
     a=art("2020-11-20", "Marsh Street bridge", "The Marsh Street bridge collapsed on the morning of November 2, cutting the town in two."),
     b=art("2020-11-16", "Engineers report on bridge", "Engineers have blamed corrosion for the collapse of the Marsh Street bridge two weeks ago. A temporary crossing is planned."))
case("same_event", "two-fires-two-dates", False, [], "two different fires, each dated once",
     a=art("2022-04-10", "Dunmore fires", "A first fire broke out at the Dunmore warehouse on April 3. A second, smaller fire broke out at a nearby depot on April 8."),
     b=art("2022-04-11", "Depot fire cause", "The depot fire, which broke out on April 8, was started by a faulty heater, officials said."))
case("same_event", "merger-end-of-december", False, [], "December 31 is the end of December",
     a=art("2024-01-15", "Halden Bank results", "Halden Bank completed its merger with Corrin Trust on December 31, the bank said."),
     b=art("2024-01-16", "Corrin staff told of cuts", "The trust's merger with Halden Bank, completed at the end of December, will cost 200 jobs."))

# 2 duration -----------------------------------------------------------------
case("duration", "dam-40th-anniversary-1971", True, ["a"], "1971 + 40 is not 2023",
     a=art("2023-05-10", "Orla Dam at 40", "The Orla Dam, which was completed in 1971, marked its 40th anniversary this week with a ceremony on the crest."))
case("duration", "age-45-born-1960", True, ["a"], "born 1960 is not 45 in 2022",
     a=art("2022-08-01", "New harbour master", "The new harbour master, Marta Velez, 45, grew up near the coast. Velez was born in 1960 in a fishing village."))
case("duration", "library-ten-years-apart", True, ["a"], "opened 2001, 'ten years after' in 2021",
     a=art("2021-03-01", "Library faces closure", "The Brennan library opened its doors in 2001. It was paid for by a local mill owner. Its reading room has since been rebuilt twice. Now, ten years after it first welcomed readers, it faces closure."))
case("duration", "strike-three-weeks-four-days", True, ["a"], "January 5 to 9 is not three weeks",
     a=art("2024-02-01", "Strike ends", "The bus strike began on January 5 and ended on January 9, after three weeks of pickets outside the depot."))
case("duration", "club-two-decades-1975", True, ["a"], "founded 1975 is not two decades before 2020",
     a=art("2020-10-10", "Chess club celebrates", "Founded two decades ago, the chess club traces its first meeting to 1975, in the back room of a cafe."))
case("duration", "dam-50th-anniversary-1973", False, [], "1973 + 50 = 2023",
     a=art("2023-05-10", "Orla Dam at 50", "The Orla Dam, which was completed in 1973, marked its 50th anniversary this week with a ceremony on the crest."))
case("duration", "age-62-born-1960", False, [], "born 1960, 61 or 62 in August 2022",
     a=art("2022-08-01", "New harbour master", "The new harbour master, Marta Velez, 62, grew up near the coast. Velez was born in 1960 in a fishing village."))
case("duration", "library-nearly-three-years", False, [], "May 2018 to March 2021 is nearly three years",
     a=art("2021-03-01", "Library faces closure", "The Brennan library opened its doors in May 2018. It was paid for by a local mill owner. Now, nearly three years after it first welcomed readers, it faces closure."))
case("duration", "strike-three-weeks-ok", False, [], "January 5 to 26 is three weeks",
     a=art("2024-02-01", "Strike ends", "The bus strike began on January 5 and ended on January 26, after three weeks of pickets outside the depot."))
case("duration", "club-about-a-month-ago", False, [], "March 3 is about a month before March 29",
     a=art("2020-03-29", "Chess club celebrates", "Founded about a month ago, on March 3, the chess club already has forty members."))

# 3 weekday_date -------------------------------------------------------------
wd(2024, 2, 8, "Friday", ok=False)
case("weekday_date", "friday-feb-8-no-year", True, ["a"], "February 8, 2024 is a Thursday",
     a=art("2024-02-14", "Council passes plan", "The council passed the transport plan at a meeting held on Friday, February 8, after a long debate about bus lanes."))
wd(2025, 3, 12, "Tuesday", ok=False)
case("weekday_date", "tuesday-12-march-2025", True, ["a"], "12 March 2025 is a Wednesday",
     a=art("2025-03-20", "Port deal signed", "The port deal was signed on Tuesday, 12 March 2025, in the presence of both ministers."))
wd(2025, 1, 12, "Saturday", ok=False)
case("weekday_date", "future-saturday-jan-12", True, ["a"], "January 12, 2025 is a Sunday",
     a=art("2024-12-20", "Winter fair dates", "The winter fair will open on Saturday, January 12, organisers said, and run for a week."))
wd(2023, 10, 3, "Monday", ok=False); wd(2022, 10, 3, "Monday")
case("weekday_date", "monday-oct-3-neighbour-year", True, ["a"], "Oct 3, 2023 is a Tuesday (it was a Monday in 2022, a year too early)",
     a=art("2023-10-20", "Plant workers protest", "Workers protested outside the Grant Road plant, which closed on Monday, Oct. 3, two weeks after the owners announced losses."))
wd(2021, 6, 6, "Saturday", ok=False)
case("weekday_date", "saturday-june-6-paren", True, ["a"], "June 6, 2021 is a Sunday",
     a=art("2021-06-15", "Race results", "The coastal race was held on Saturday (June 6) in heavy heat. Two runners were treated for exhaustion."))
wd(2024, 2, 8, "Thursday")
case("weekday_date", "thursday-feb-8-no-year", False, [], "February 8, 2024 is a Thursday",
     a=art("2024-02-14", "Council passes plan", "The council passed the transport plan at a meeting held on Thursday, February 8, after a long debate about bus lanes."))
wd(2025, 3, 12, "Wednesday")
case("weekday_date", "wednesday-12-march-2025", False, [], "12 March 2025 is a Wednesday",
     a=art("2025-03-20", "Port deal signed", "The port deal was signed on Wednesday, 12 March 2025, in the presence of both ministers."))
wd(2025, 1, 11, "Saturday")
case("weekday_date", "future-saturday-jan-11", False, [], "January 11, 2025 is a Saturday",
     a=art("2024-12-20", "Winter fair dates", "The winter fair will open on Saturday, January 11, organisers said, and run for a week."))
wd(2023, 12, 29, "Friday")
case("weekday_date", "friday-dec-29-previous-year", False, [], "December 29, 2023 is the Friday before a January 3 article",
     a=art("2024-01-03", "Plant workers protest", "Workers protested outside the Grant Road plant, which closed on Friday, Dec. 29, two weeks after the owners announced losses."))
wd(2021, 6, 6, "Sunday")
case("weekday_date", "sunday-june-6-paren", False, [], "June 6, 2021 is a Sunday",
     a=art("2021-06-15", "Race results", "The coastal race was held on Sunday (June 6) in heavy heat. Two runners were treated for exhaustion."))

# 4 pin_text -----------------------------------------------------------------
case("pin_text", "yesterday-march-3", True, ["a"], "yesterday of March 10 is not March 3",
     a=art("2022-03-10", "Mayor signs order", "Yesterday, March 3, the mayor signed an order closing the riverside car park."))
case("pin_text", "this-morning-14-august", True, ["a"], "this morning of 20 August is not 14 August",
     a=art("2021-08-20", "Arrest at station", "Police said this morning, 14 August, that a man had been arrested at the central station."))
case("pin_text", "earlier-this-month-later-date", True, ["a"], "'earlier this month' June 25 in a June 10 article",
     a=art("2023-06-10", "Board backs plan", "Earlier this month, on June 25, the board voted to back the new depot plan."))
case("pin_text", "past-report-of-later-date", True, ["a"], "reported on May 22 in a May 10 article",
     a=art("2020-05-10", "Profits fall", "The company reported on May 22 that its profits fell by a third, blaming weak demand."))
case("pin_text", "tomorrow-19-april", True, ["a"], "tomorrow of 12 April is not 19 April",
     a=art("2019-04-12", "Market to reopen", "Tomorrow, 19 April, the covered market will reopen after repairs."))
case("pin_text", "yesterday-march-3-ok", False, [], "yesterday of March 4 is March 3",
     a=art("2022-03-04", "Mayor signs order", "Yesterday, March 3, the mayor signed an order closing the riverside car park."))
case("pin_text", "scheduled-to-start-later", False, [], "a plan for a later date",
     a=art("2020-05-10", "Summit planned", "The summit is scheduled to start on May 22. Earlier this month, on May 4, the ministers agreed on an agenda."))
case("pin_text", "due-to-finish-by", False, [], "a later date that is a deadline",
     a=art("2023-06-10", "Depot work", "Earlier this month, on June 2, the board voted for the depot. Work is due to finish by June 25, and a trial set for July 3 will follow."))
case("pin_text", "trial-starting-look-forward", False, [], "future dates introduced by starting and look forward to",
     a=art("2012-02-10", "Trial preview", "The trial, starting Feb. 27, will hear from forty witnesses. Lawyers said they look forward to 2013. They would not comment on plans beyond June 2012."))
case("pin_text", "tomorrow-19-april-ok", False, [], "tomorrow of 18 April is 19 April",
     a=art("2019-04-18", "Market to reopen", "Tomorrow, 19 April, the covered market will reopen after repairs."))

# 5 page_body ----------------------------------------------------------------
case("page_body", "published-stamp-before-yesterday", True, ["a"], "stamp 3 March, body 'yesterday, on 9 March'",
     a=art(None, "", "Published 3 March 2021\n\nThe regional assembly voted yesterday, on 9 March, to delay the new tax until next year."))
case("page_body", "posted-before-past-event", True, ["a"], "posted June 4, body reports June 20 in the past",
     a=art(None, "", "Posted on June 4, 2018 by Staff\n\nThe county fair, which closed on June 20 after ten days, drew a record crowd, organisers said on Monday."))
case("page_body", "copyright-before-body-year", True, ["a"], "(c) 2015 page reporting a 2020 election",
     a=art(None, "", "Harbor Daily\n\nThe election held on November 3, 2020, was the closest in the county's history, the clerk said yesterday.\n\n\u00a9 2015 Harbor Daily. All rights reserved."))
wd(2019, 1, 21, "Monday")
case("page_body", "updated-before-statement", True, ["a"], "last updated 12 January, body reports 21 January",
     a=art(None, "", "Last updated: 12 January 2019\n\nIn a statement issued on Monday, 21 January 2019, the ministry said the plant would stay open."))
case("page_body", "byline-before-last-week", True, ["a"], "byline April 2, 'last week's storm on April 20'",
     a=art(None, "", "By Jane Roe | April 2, 2017\n\nLast week's storm, on April 20, flattened three barns along the ridge road."))
case("page_body", "published-stamp-ok", False, [], "stamp 10 March, yesterday is 9 March",
     a=art(None, "", "Published 10 March 2021\n\nThe regional assembly voted yesterday, on 9 March, to delay the new tax until next year."))
case("page_body", "posted-future-event", False, [], "posted June 4, fair closes June 20 (future)",
     a=art(None, "", "Posted on June 4, 2018 by Staff\n\nThe county fair, which closes on June 20 after ten days, is expected to draw a record crowd, organisers said on Monday."))
case("page_body", "copyright-after-body-year", False, [], "(c) 2021 page reporting a 2020 election",
     a=art(None, "", "Harbor Daily\n\nThe election held on November 3, 2020, was the closest in the county's history, the clerk said.\n\n\u00a9 2021 Harbor Daily. All rights reserved."))
case("page_body", "updated-after-statement", False, [], "last updated 22 January, statement 21 January",
     a=art(None, "", "Last updated: 22 January 2019\n\nIn a statement issued on Monday, 21 January 2019, the ministry said the plant would stay open."))
case("page_body", "byline-with-later-sidebar", False, [], "byline April 22, storm April 15; sidebar dates are page material",
     a=art(None, "", "By Jane Roe | April 22, 2017\n\nLast week's storm, on April 15, flattened three barns along the ridge road.\n\nRelated stories\nFlood warning lifted - April 28, 2017\nRoad reopens - May 3, 2017"))

# 6 order_words --------------------------------------------------------------
case("order_words", "week-later-earlier-date", True, ["a"], "'a week later' dated before",
     a=art("2022-03-20", "Harbour reopens", "The harbour reopened on March 9 after dredging. The ferry service resumed a week later, on March 5."))
case("order_words", "after-results-later", True, ["a"], "rose on 3 May after results of 8 May",
     a=art("2021-05-12", "Shares climb", "Shares in Kestrel Mining rose on 3 May, after the company published its results on 8 May."))
case("order_words", "following-merger-later-year", True, ["a"], "founded 2004 following a 2009 merger",
     a=art("2020-01-10", "Company profile", "The firm was founded in 2004, following the merger of its two parent companies in 2009."))
case("order_words", "warned-before-flood-later", True, ["a"], "warned on 15 June, before the flood of 12 June",
     a=art("2023-07-01", "Flood inquiry", "Before the flood of 12 June, residents had been warned on 15 June that the levee was weak."))
case("order_words", "two-articles-followed", True, ["a", "b"], "ceasefire 4 October, followed on 1 October",
     a=art("2018-10-10", "Ceasefire holds", "The ceasefire between the two militias was signed on 4 October in the capital."),
     b=art("2018-10-11", "Prisoners freed", "The signing of the ceasefire between the two militias was followed on 1 October by the release of forty prisoners."))
case("order_words", "week-later-ok", False, [], "a week after March 9 is March 16",
     a=art("2022-03-20", "Harbour reopens", "The harbour reopened on March 9 after dredging. The ferry service resumed a week later, on March 16."))
case("order_words", "after-results-ok", False, [], "rose on 9 May after results of 8 May",
     a=art("2021-05-12", "Shares climb", "Shares in Kestrel Mining rose on 9 May, after the company published its results on 8 May."))
case("order_words", "following-merger-ok", False, [], "founded 2009 following a 2004 merger",
     a=art("2020-01-10", "Company profile", "The firm was founded in 2009, following the merger of its two parent companies in 2004."))
case("order_words", "warned-before-flood-ok", False, [], "warned on 12 June, before the flood of 15 June",
     a=art("2023-07-01", "Flood inquiry", "Before the flood of 15 June, residents had been warned on 12 June that the levee was weak."))
case("order_words", "two-articles-followed-ok", False, [], "ceasefire 4 October, followed on 7 October",
     a=art("2018-10-10", "Ceasefire holds", "The ceasefire between the two militias was signed on 4 October in the capital."),
     b=art("2018-10-11", "Prisoners freed", "The signing of the ceasefire between the two militias was followed on 7 October by the release of forty prisoners."))

# 7 inverted_range -----------------------------------------------------------
case("inverted_range", "from-12-may-to-3-may", True, ["a"], "end before start",
     a=art("2022-04-01", "Exhibition", "The exhibition of river paintings runs from 12 May to 3 May at the town hall."))
case("inverted_range", "between-2019-and-2015", True, ["a"], "between a later and an earlier year",
     a=art("2021-02-01", "Population falls", "Between 2019 and 2015, the town's population fell by a tenth, the census office said."))
case("inverted_range", "life-dates-parenthesis", True, ["a"], "(1988-1942)",
     a=art("2021-02-01", "Painter remembered", "A show of work by the painter Pierre Dane (1988\u20131942) opens next week."))
case("inverted_range", "start-end-separate-sentences", True, ["a"], "started 20 August, ended 14 August",
     a=art("2020-09-01", "Strike over", "The dock strike started on 20 August. Talks went on for days. It ended on 14 August, when the union accepted a new offer."))
wd(2024, 7, 19, "Friday"); wd(2024, 7, 17, "Wednesday")
case("inverted_range", "weekday-range-backwards", True, ["a"], "Friday July 19 to Wednesday July 17",
     a=art("2024-06-01", "Festival plans", "The festival will take place from Friday, July 19, to Wednesday, July 17, in the park."))
case("inverted_range", "crosses-new-year", False, [], "28 December to 3 January crosses the year",
     a=art("2023-12-01", "Exhibition", "The exhibition of river paintings runs from 28 December to 3 January at the town hall."))
case("inverted_range", "overnight-hours", False, [], "11 p.m. to 4 a.m. crosses midnight",
     a=art("2021-02-01", "Road closure", "The bypass will be closed overnight on Tuesday, from 11 p.m. to 4 a.m., for resurfacing."))
case("inverted_range", "life-dates-ok", False, [], "(1888-1942)",
     a=art("2021-02-01", "Painter remembered", "A show of work by the painter Pierre Dane (1888\u20131942) opens next week."))
case("inverted_range", "between-2015-and-2019", False, [], "in order",
     a=art("2021-02-01", "Population falls", "Between 2015 and 2019, the town's population fell by a tenth, the census office said."))
case("inverted_range", "start-end-ok", False, [], "started 14 August, ended 20 August",
     a=art("2020-09-01", "Strike over", "The dock strike started on 14 August. Talks went on for days. It ended on 20 August, when the union accepted a new offer."))

# 2b duration, more wordings (second batch, written before the reader was changed) ----
case("duration", "bridge-relative-clause-years-after", True, ["a"], "opened 1985, '20 years after' in 2023",
     a=art("2023-06-01", "Kells bridge shut", "The bridge at Kells, which was opened to traffic in 1985, shut for repairs on Tuesday, 20 years after it first carried cars."))
case("duration", "mill-years-on-other-sentence", True, ["a"], "burned 2010, 'five years on' 2019",
     a=art("2020-02-01", "Mill rebuilt", "The old mill burned down in 2010. Its owners lost everything. Five years on, in 2019, they rebuilt it with a grant."))
case("duration", "museum-decade-after", True, ["a"], "fire 2001, reopened 2021 'a decade after'",
     a=art("2021-11-01", "Museum reopens", "The museum reopened in 2021, a decade after a fire gutted it in 2001."))
case("duration", "ferry-within-three-weeks", True, ["a"], "sank 2 March, raised 30 April is not within three weeks",
     a=art("2022-06-01", "Ferry raised", "The ferry sank off the point on 2 March. Within three weeks of the sinking, on 30 April, divers had raised the hull."))
case("duration", "mayor-two-months-before", True, ["a"], "10 June is not two months before 12 June",
     a=art("2022-09-01", "Council dissolved", "The mayor resigned on 10 June, two months before the council was dissolved on 12 June."))
case("duration", "school-closed-since", True, ["a"], "six years since 2020 in 2022",
     a=art("2022-05-01", "School to reopen", "Closed for six years, since the flood of 2020, the village school will reopen in September."))
case("duration", "founder-years-earlier", True, ["a"], "2012 minus twenty years is not 1970",
     a=art("2018-04-01", "Club history", "In 2012, the club's founder recalled how he had started it twenty years earlier, in 1970."))
case("duration", "votes-months-between", True, ["a"], "January to March 2019 is not eight months",
     a=art("2020-01-01", "Two votes", "Eight months passed between the two votes. The first was held in January 2019; the second came in March 2019."))
case("duration", "tunnel-took-years", True, ["a"], "begun 2001 opened 2012 is not four years",
     a=art("2019-01-01", "Tunnel history", "The tunnel, which took four years to build, was begun in 2001 and opened in 2012."))
case("duration", "bridge-relative-clause-ok", False, [], "opened 2003, 20 years after in 2023",
     a=art("2023-06-01", "Kells bridge shut", "The bridge at Kells, which was opened to traffic in 2003, shut for repairs on Tuesday, 20 years after it first carried cars."))
case("duration", "mill-years-on-ok", False, [], "burned 2010, five years on 2015",
     a=art("2020-02-01", "Mill rebuilt", "The old mill burned down in 2010. Its owners lost everything. Five years on, in 2015, they rebuilt it with a grant."))
case("duration", "museum-decade-after-ok", False, [], "fire 2011, reopened 2021",
     a=art("2021-11-01", "Museum reopens", "The museum reopened in 2021, a decade after a fire gutted it in 2011."))
case("duration", "ferry-within-three-weeks-ok", False, [], "sank 2 March, raised 19 March",
     a=art("2022-06-01", "Ferry raised", "The ferry sank off the point on 2 March. Within three weeks of the sinking, on 19 March, divers had raised the hull."))
case("duration", "mayor-two-months-before-ok", False, [], "10 June is two months before 12 August",
     a=art("2022-09-01", "Council dissolved", "The mayor resigned on 10 June, two months before the council was dissolved on 12 August."))
case("duration", "school-closed-since-ok", False, [], "six years since 2016 in 2022",
     a=art("2022-05-01", "School to reopen", "Closed for six years, since the flood of 2016, the village school will reopen in September."))
case("duration", "founder-years-earlier-ok", False, [], "2012 minus twenty years is 1992",
     a=art("2018-04-01", "Club history", "In 2012, the club's founder recalled how he had started it twenty years earlier, in 1992."))
case("duration", "votes-months-between-ok", False, [], "January to September 2019 is about eight months",
     a=art("2020-01-01", "Two votes", "Eight months passed between the two votes. The first was held in January 2019; the second came in September 2019."))
case("duration", "tunnel-took-years-ok", False, [], "begun 2001 opened 2005",
     a=art("2019-01-01", "Tunnel history", "The tunnel, which took four years to build, was begun in 2001 and opened in 2005."))
case("duration", "almost-two-decades-ok", False, [], "1999 to 2018 is almost two decades",
     a=art("2018-10-01", "Shop closes", "Almost two decades after it first opened in 1999, the corner shop closed its doors on Saturday."))

case("duration", "weeks-into-strike", True, ["a"], "three weeks into a strike begun 1 May is not 5 May",
     a=art("2023-06-10", "Strike talks", "The dock strike began on 1 May. Three weeks into it, on 5 May, the first talks were held."))
case("duration", "months-prior-to-launch", True, ["a"], "two months prior to a 20 September launch is not 2 September",
     a=art("2022-10-01", "Phone launch", "The phone went on sale on 20 September. Two months prior, on 2 September, the design had leaked."))
case("duration", "weeks-into-strike-ok", False, [], "three weeks into a strike begun 1 May is 22 May",
     a=art("2023-06-10", "Strike talks", "The dock strike began on 1 May. Three weeks into it, on 22 May, the first talks were held."))
case("duration", "months-prior-to-launch-ok", False, [], "two months prior to 20 September is 20 July",
     a=art("2022-10-01", "Phone launch", "The phone went on sale on 20 September. Two months prior, on 20 July, the design had leaked."))

case("duration", "festival-marks-years-since", True, ["a"], "25 years since 1990 is not 2023",
     a=art("2023-07-01", "Festival", "This summer the folk festival marks 25 years since its first edition in 1990, with three stages."))
case("duration", "firm-has-traded-for-decades-after", True, ["a"], "a decade after 1995 is not 2021",
     a=art("2021-03-01", "Bakery", "The bakery now has a second shop, a decade after the family opened the first in 1995."))
case("duration", "festival-marks-years-since-ok", False, [], "25 years since 1998 is 2023",
     a=art("2023-07-01", "Festival", "This summer the folk festival marks 25 years since its first edition in 1998, with three stages."))
case("duration", "firm-has-traded-for-decades-after-ok", False, [], "a decade after 2011 is 2021",
     a=art("2021-03-01", "Bakery", "The bakery now has a second shop, a decade after the family opened the first in 2011."))

# 6b order_words, more wordings ------------------------------------------------
case("order_words", "later-that-year-other-year", True, ["a"], "'later that year' in another year",
     a=art("2018-01-10", "Plant output", "The plant opened in March 2015. Later that year, in June 2016, it doubled its output."))
case("order_words", "following-spring-years-on", True, ["a"], "'the following spring' two years on",
     a=art("2015-01-10", "Village rebuilt", "The dam failed in October 2011. The following spring, in April 2014, the village was rebuilt."))
case("order_words", "relative-clause-after", True, ["a"], "began 9 March after talks collapsed 14 March",
     a=art("2021-04-01", "Strike", "The strike, which began after the pay talks collapsed on 14 March, started on 9 March with a rally."))
case("order_words", "days-earlier-later-date", True, ["a"], "'two days earlier' dated after",
     a=art("2020-06-01", "Council vote", "The council voted on 20 May. Two days earlier, on 25 May, protesters had gathered outside."))
case("order_words", "before-it-arrived-distance", True, ["a"], "port closed 8 January before a storm of 4 January",
     a=art("2019-02-01", "Storm", "The storm reached the coast on 4 January. Ferries were cancelled and schools shut. Before it arrived, on 8 January, the port had been closed."))
case("order_words", "after-election-conceded-earlier", True, ["a"], "conceded 2 November after election of 6 November",
     a=art("2018-12-01", "Election", "After the election on 6 November, the candidate conceded on 2 November."))
case("order_words", "prior-to-merger", True, ["a"], "branch 2018 prior to a 2015 merger",
     a=art("2020-01-01", "Bank history", "Prior to the merger in 2015, the bank had opened its branch in the port in 2018."))
case("order_words", "wake-of-floods", True, ["a"], "levee May 2019 in the wake of floods of August 2020",
     a=art("2021-09-01", "Levee", "In the wake of the floods of August 2020, the city built a levee in May 2019."))
case("order_words", "subsequently-appealed-earlier", True, ["a"], "appealed 1 February after a fine of 3 March",
     a=art("2021-06-01", "Fine appealed", "The firm was fined on 3 March 2021 and subsequently appealed on 1 February 2021."))
case("order_words", "later-that-year-ok", False, [], "June 2015 is later in 2015",
     a=art("2018-01-10", "Plant output", "The plant opened in March 2015. Later that year, in June 2015, it doubled its output."))
case("order_words", "following-spring-ok", False, [], "April 2012 is the spring after October 2011",
     a=art("2015-01-10", "Village rebuilt", "The dam failed in October 2011. The following spring, in April 2012, the village was rebuilt."))
case("order_words", "relative-clause-after-ok", False, [], "began 17 March after talks collapsed 14 March",
     a=art("2021-04-01", "Strike", "The strike, which began after the pay talks collapsed on 14 March, started on 17 March with a rally."))
case("order_words", "days-earlier-ok", False, [], "two days before 20 May is 18 May",
     a=art("2020-06-01", "Council vote", "The council voted on 20 May. Two days earlier, on 18 May, protesters had gathered outside."))
case("order_words", "before-it-arrived-ok", False, [], "port closed 2 January before a storm of 4 January",
     a=art("2019-02-01", "Storm", "The storm reached the coast on 4 January. Ferries were cancelled and schools shut. Before it arrived, on 2 January, the port had been closed."))
case("order_words", "after-election-ok", False, [], "conceded 8 November after election of 6 November",
     a=art("2018-12-01", "Election", "After the election on 6 November, the candidate conceded on 8 November."))
case("order_words", "prior-to-merger-ok", False, [], "branch 2012 prior to a 2015 merger",
     a=art("2020-01-01", "Bank history", "Prior to the merger in 2015, the bank had opened its branch in the port in 2012."))
case("order_words", "wake-of-floods-ok", False, [], "levee May 2021 after floods of August 2020",
     a=art("2021-09-01", "Levee", "In the wake of the floods of August 2020, the city built a levee in May 2021."))
case("order_words", "subsequently-appealed-ok", False, [], "appealed 1 April after a fine of 3 March",
     a=art("2021-06-01", "Fine appealed", "The firm was fined on 3 March 2021 and subsequently appealed on 1 April 2021."))
case("order_words", "before-unrelated-dates-ok", False, [], "'before' relates the election, not the later date told after it",
     a=art("2019-07-01", "Candidate", "She resigned from the board on 3 May, before the election. The election was held on 2 May in the neighbouring district, a different race."))

# 2c duration, third batch (written from the kind descriptions before the readers were changed) ----
C = lambda slug, why, pub, title, body: case("duration", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("duration", slug, False, [], why, a=art(pub, title, body))
C("weeks-later-next-sentence", "3 March + three weeks is not 10 March", "2022-04-01", "Strike", "The cleaners walked out on March 3. Three weeks later, on March 10, the council offered them a raise.")
T("weeks-later-next-sentence-ok", "3 March + three weeks is 24 March", "2022-04-01", "Strike", "The cleaners walked out on March 3. Three weeks later, on March 24, the council offered them a raise.")
C("after-nearly-two-years-of-work", "work began 2015, opened 2021 after nearly two years", "2021-07-01", "Stadium", "Work on the Eastfield stadium began in 2015. After nearly two years of construction, it opened on 5 June 2021.")
T("after-nearly-two-years-of-work-ok", "work began autumn 2019, opened June 2021", "2021-07-01", "Stadium", "Work on the Eastfield stadium began in September 2019. After nearly two years of construction, it opened on 5 June 2021.")
C("a-month-after-flood", "2 July + a month is not 29 September", "2020-10-15", "Flood inquiry", "The river burst its banks on 2 July 2020. A month after the flood, on 29 September, the council met to plan the defences.")
T("a-month-after-flood-ok", "2 July + a month is 3 August", "2020-10-15", "Flood inquiry", "The river burst its banks on 2 July 2020. A month after the flood, on 3 August, the council met to plan the defences.")
C("married-divorced-years-of-marriage", "2010 to 2012 is not fifteen years", "2019-01-01", "Divorce", "The couple married in 2010 and divorced in 2012, after fifteen years of marriage.")
T("married-divorced-years-of-marriage-ok", "1997 to 2012 is fifteen years", "2019-01-01", "Divorce", "The couple married in 1997 and divorced in 2012, after fifteen years of marriage.")
C("ship-days-after-leaving", "2 April to 14 April is not five days", "1990-05-01", "Wreck", "The trawler sank on 14 April 1990, just five days after it left Hull on 2 April.")
T("ship-days-after-leaving-ok", "9 April to 14 April is five days", "1990-05-01", "Wreck", "The trawler sank on 14 April 1990, just five days after it left Hull on 9 April.")
C("decades-after-closure-two-sentences", "closed 2008, reopened 2011 is not two decades", "2012-01-01", "Factory", "The factory closed in 2008. It reopened in 2011, two decades after its closure.")
T("decades-after-closure-two-sentences-ok", "closed 1991, reopened 2011", "2012-01-01", "Factory", "The factory closed in 1991. It reopened in 2011, two decades after its closure.")
C("ten-days-later-distance", "12 May + ten days is not 14 May", "2023-06-01", "Recall", "Regulators ordered the recall on 12 May. The firm at first refused, saying its tests were clean. Ten days later, on 14 May, it gave in.")
T("ten-days-later-distance-ok", "12 May + ten days is 22 May", "2023-06-01", "Recall", "Regulators ordered the recall on 12 May. The firm at first refused, saying its tests were clean. Ten days later, on 22 May, it gave in.")
C("six-weeks-after-the-vote", "vote 1 March, six weeks after on 4 March", "2024-05-01", "Council", "The council voted on 1 March to close the pool. On 4 March, six weeks after the vote, the doors were locked.")
T("six-weeks-after-the-vote-ok", "vote 1 March, six weeks after on 12 April", "2024-05-01", "Council", "The council voted on 1 March to close the pool. On 12 April, six weeks after the vote, the doors were locked.")
C("two-years-before-election", "2009 is not two years before 2017", "2019-01-01", "Party", "The party was founded in 2009, barely two years before its first election win in 2017.")
T("two-years-before-election-ok", "2015 is two years before 2017", "2019-01-01", "Party", "The party was founded in 2015, barely two years before its first election win in 2017.")
C("within-days-of-arrest", "arrested 1 June, charged 30 June is not within two days", "2021-08-01", "Court", "Police arrested the man on 1 June. He was charged on 30 June, within two days of his arrest.")
T("within-days-of-arrest-ok", "arrested 1 June, charged 2 June", "2021-08-01", "Court", "Police arrested the man on 1 June. He was charged on 2 June, within two days of his arrest.")
C("written-year-then-years-ago", "1995 is not 40 years before 2023", "2023-04-01", "School", "The village school was founded in 1995, 40 years ago, by a group of parents.")
T("written-year-then-years-ago-ok", "1995 is 28 years before 2023", "2023-04-01", "School", "The village school was founded in 1995, 28 years ago, by a group of parents.")
C("weeks-ago-after-date", "on 2 March is not three weeks before 6 March", "2022-03-06", "Storm", "The storm hit the coast on 2 March, three weeks ago, and the clean-up goes on.")
T("weeks-ago-after-date-ok", "on 13 February is three weeks before 6 March", "2022-03-06", "Storm", "The storm hit the coast on 13 February, three weeks ago, and the clean-up goes on.")
# 2d duration measured to the pinned date, many shapes (written before the readers were changed) ----
C = lambda slug, why, pub, title, body: case("duration", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("duration", slug, False, [], why, a=art(pub, title, body))
C("theatre-50th-birthday", "founded 1990 is not 50 in 2024", "2024-03-01", "Theatre", "Founded in 1990, the Lyric theatre celebrates its 50th birthday this year with a gala.")
T("theatre-50th-birthday-ok", "founded 1974 is 50 in 2024", "2024-03-01", "Theatre", "Founded in 1974, the Lyric theatre celebrates its 50th birthday this year with a gala.")
C("age-who-is-born", "born 1980 is not 52 in 2024", "2024-03-01", "Coach", "The new coach, Dana Reyes, who is 52, was born in 1980 in Ohio.")
T("age-who-is-born-ok", "born 1972 is 51 or 52 in 2024", "2024-03-01", "Coach", "The new coach, Dana Reyes, who is 52, was born in 1972 in Ohio.")
C("year-old-born-sentences-apart", "born 1975, 62-year-old in 2023", "2023-05-01", "Farmer", "Tom Hale was born in 1975 on a farm near Lisk. He left school early. Today the 62-year-old runs the farm himself.")
T("year-old-born-sentences-apart-ok", "born 1961, 62-year-old in 2023", "2023-05-01", "Farmer", "Tom Hale was born in 1961 on a farm near Lisk. He left school early. Today the 62-year-old runs the farm himself.")
C("lived-for-years-since-moving", "since 2010 is not 30 years in 2024", "2024-03-01", "Resident", "She has lived in the town for 30 years, since moving there in 2010.")
T("lived-for-years-since-moving-ok", "since 1994 is 30 years in 2024", "2024-03-01", "Resident", "She has lived in the town for 30 years, since moving there in 1994.")
C("now-years-since-closed", "2015 is not 25 years before 2024", "2024-03-01", "Factory", "It is now 25 years since the factory closed in 2015.")
T("now-years-since-closed-ok", "1999 is 25 years before 2024", "2024-03-01", "Factory", "It is now 25 years since the factory closed in 1999.")
C("decades-after-opened-pin", "opened 2010, three decades on is not 2024", "2024-03-01", "Pool", "Three decades after it opened in 2010, the town pool is to close.")
T("decades-after-opened-pin-ok", "opened 1994, three decades on is 2024", "2024-03-01", "Pool", "Three decades after it opened in 1994, the town pool is to close.")
C("turns-years-old-founded", "founded 2001 does not turn 40 in 2024", "2024-03-01", "Club", "The rowing club, founded in 2001, turns 40 this year.")
T("turns-years-old-founded-ok", "founded 1984 turns 40 in 2024", "2024-03-01", "Club", "The rowing club, founded in 1984, turns 40 this year.")
C("anniversary-other-sentence", "built 1971, 40th anniversary in 2024", "2024-03-01", "Dam", "The dam was built in 1971. On Saturday, engineers and families gathered to mark its 40th anniversary.")
T("anniversary-other-sentence-ok", "built 1984, 40th anniversary in 2024", "2024-03-01", "Dam", "The dam was built in 1984. On Saturday, engineers and families gathered to mark its 40th anniversary.")
C("for-years-since-founded-other-sentence", "founded 2015, 20 years in 2024", "2024-03-01", "Charity", "The charity was founded in 2015 by two nurses. For 20 years it has fed the city's homeless.")
T("for-years-since-founded-other-sentence-ok", "founded 2004, 20 years in 2024", "2024-03-01", "Charity", "The charity was founded in 2004 by two nurses. For 20 years it has fed the city's homeless.")
C("age-at-death", "born 1950, died 2020 aged 55", "2021-01-01", "Obituary", "The painter, born in 1950, died in March 2020 at the age of 55.")
T("age-at-death-ok", "born 1950, died 2020 aged 69", "2021-01-01", "Obituary", "The painter, born in 1950, died in March 2020 at the age of 69.")

# 2e "after D", "D later" spans across clauses and sentences (written before the reader was changed) ----
C = lambda slug, why, pub, title, body: case("duration", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("duration", slug, False, [], why, a=art(pub, title, body))
C("ended-after-weeks-same-sentence", "3 March to 10 March is not three weeks", "2022-04-01", "Talks", "The talks began on 3 March and broke down on 10 March, after three weeks.")
T("ended-after-weeks-same-sentence-ok", "3 March to 24 March is three weeks", "2022-04-01", "Talks", "The talks began on 3 March and broke down on 24 March, after three weeks.")
C("after-nearly-two-years-next-sentence", "May 2019 to March 2020 is not nearly two years", "2021-01-01", "Plant", "The plant opened in May 2019. After nearly two years, it closed in March 2020.")
T("after-nearly-two-years-next-sentence-ok", "May 2019 to March 2021 is nearly two years", "2021-06-01", "Plant", "The plant opened in May 2019. After nearly two years, it closed in March 2021.")
C("weeks-later-date-in-main-clause", "3 March + three weeks is not 8 March", "2022-04-01", "Deal", "The workers walked out on 3 March. Three weeks later the union and the company signed a deal on 8 March.")
T("weeks-later-date-in-main-clause-ok", "3 March + three weeks is 24 March", "2022-04-01", "Deal", "The workers walked out on 3 March. Three weeks later the union and the company signed a deal on 24 March.")
C("since-opened-for-years-perfect", "since 2010, not 30 years in 2024", "2024-03-01", "Museum", "Since it opened in 2010, the museum has welcomed visitors for 30 years.")
T("since-opened-for-years-perfect-ok", "since 1994, 30 years in 2024", "2024-03-01", "Museum", "Since it opened in 1994, the museum has welcomed visitors for 30 years.")

# 2f "N years old", a beginning named in another sentence (written before the reader was changed) ----
C = lambda slug, why, pub, title, body: case("duration", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("duration", slug, False, [], why, a=art(pub, title, body))
C("years-old-born", "born 1990 is not 25 years old in 2024", "2024-05-01", "Striker", "Born in 1990, the striker is now 25 years old.")
T("years-old-born-ok", "born 1999 is 24 or 25 in 2024", "2024-05-01", "Striker", "Born in 1999, the striker is now 25 years old.")
C("more-than-years-old-founded", "founded 1960 is not more than 80 years old in 2024", "2024-05-01", "School", "The school was founded in 1960 and is now more than 80 years old.")
T("more-than-years-old-founded-ok", "founded 1930 is more than 80 years old in 2024", "2024-05-01", "School", "The school was founded in 1930 and is now more than 80 years old.")
C("first-carried-cars-other-sentence", "opened 1998, 30 years after on Monday in 2023", "2023-03-15", "Bridge", "The Harlow bridge opened in 1998. Engineers found cracks last year. On Monday it was closed to traffic, 30 years after it first carried cars.")
T("first-carried-cars-other-sentence-ok", "opened 1993, 30 years after on Monday in 2023", "2023-03-15", "Bridge", "The Harlow bridge opened in 1993. Engineers found cracks last year. On Monday it was closed to traffic, 30 years after it first carried cars.")


# 6c order_words, third batch -------------------------------------------------
C = lambda slug, why, pub, title, body: case("order_words", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("order_words", slug, False, [], why, a=art(pub, title, body))
C("law-came-into-force-after-approved", "in force 1 July after approval on 15 September", "2020-10-01", "Law", "The law came into force on 1 July 2020, after parliament approved it on 15 September 2020.")
T("law-came-into-force-after-approved-ok", "in force 1 October after approval on 15 September", "2020-10-20", "Law", "The law came into force on 1 October 2020, after parliament approved it on 15 September 2020.")
C("before-joining-worked", "worked 2014 before joining in 2012", "2020-01-01", "Profile", "Before joining the firm in 2012, she worked at a bank in 2014.")
T("before-joining-worked-ok", "worked 2010 before joining in 2012", "2020-01-01", "Profile", "Before joining the firm in 2012, she worked at a bank in 2010.")
C("then-later-sentence-earlier", "left 2016, then founded in 2014", "2020-01-01", "Founder", "She left the company in 2016. Then, in 2014, she founded her own firm.")
T("then-later-sentence-ok", "left 2016, then founded in 2018", "2020-01-01", "Founder", "She left the company in 2016. Then, in 2018, she founded her own firm.")
C("previously-closed-after", "reopened 2 March; previously closed on 10 April", "2021-06-01", "Museum", "The museum reopened on 2 March 2021. Previously, it had closed its doors on 10 April 2021 for repairs.")
T("previously-closed-ok", "reopened 2 March; previously closed on 10 January", "2021-06-01", "Museum", "The museum reopened on 2 March 2021. Previously, it had closed its doors on 10 January 2021 for repairs.")
C("until-ended-since", "in office until 2010, since 2014", "2020-01-01", "Mayor", "He served as mayor from 2014 until he stepped down in 2010.")
T("until-ended-since-ok", "in office 2004 until 2010", "2020-01-01", "Mayor", "He served as mayor from 2004 until he stepped down in 2010.")
C("preceded-by", "vote on 9 May preceded by a debate on 12 May", "2022-06-01", "Vote", "The vote on 9 May was preceded by a debate on 12 May.")
T("preceded-by-ok", "vote on 9 May preceded by a debate on 6 May", "2022-06-01", "Vote", "The vote on 9 May was preceded by a debate on 6 May.")
C("followed-by", "fire on 20 June followed by evacuation on 18 June", "2022-07-01", "Fire", "The fire on 20 June was followed by an evacuation of the estate on 18 June.")
T("followed-by-ok", "fire on 20 June followed by evacuation on 21 June", "2022-07-01", "Fire", "The fire on 20 June was followed by an evacuation of the estate on 21 June.")
C("after-sentence-apart", "result announced 3 April, after a count that ended 6 April", "2023-05-01", "Count", "Counting ended on 6 April 2023. After the count, on 3 April 2023, the winner was announced.")
T("after-sentence-apart-ok", "result announced 7 April, after a count that ended 6 April", "2023-05-01", "Count", "Counting ended on 6 April 2023. After the count, on 7 April 2023, the winner was announced.")
C("since-after-event", "closed since 12 May after a landslide on 20 May", "2022-06-01", "Road", "The coast road has been closed since 12 May 2022, after a landslide on 20 May 2022.")
T("since-after-event-ok", "closed since 21 May after a landslide on 20 May", "2022-06-01", "Road", "The coast road has been closed since 21 May 2022, after a landslide on 20 May 2022.")
C("later-signed-earlier", "approved 5 May; later signed 1 May", "2022-06-01", "Treaty", "Parliament approved the treaty on 5 May 2022. The president later signed it, on 1 May 2022.")
T("later-signed-ok", "approved 5 May; later signed 9 May", "2022-06-01", "Treaty", "Parliament approved the treaty on 5 May 2022. The president later signed it, on 9 May 2022.")
# 6d order_words, fourth batch (written before the reader was changed) -------
C = lambda slug, why, pub, title, body: case("order_words", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("order_words", slug, False, [], why, a=art(pub, title, body))
C("this-came-after", "resigned 5 May; this came after 9 May", "2022-11-01", "Minister", "The minister resigned on 5 May 2022. This came after the scandal broke on 9 May 2022.")
T("this-came-after-ok", "resigned 12 May; this came after 9 May", "2022-11-01", "Minister", "The minister resigned on 12 May 2022. This came after the scandal broke on 9 May 2022.")
C("days-after-opener", "published 10 June days after a vote on 12 June", "2022-11-01", "Results", "Days after the vote on 12 June, the results were published on 10 June.")
T("days-after-opener-ok", "published 15 June days after a vote on 12 June", "2022-11-01", "Results", "Days after the vote on 12 June, the results were published on 15 June.")
C("aside-then-came-after", "published 10 June came after the vote on 12 June", "2022-11-01", "Results", "The results, published on 10 June 2022, came after the vote on 12 June 2022.")
T("aside-then-came-after-ok", "published 14 June came after the vote on 12 June", "2022-11-01", "Results", "The results, published on 14 June 2022, came after the vote on 12 June 2022.")
C("day-after-quake-which-struck", "14 August is not a day after 20 August", "2022-11-01", "Quake", "Rescuers arrived on 14 August, a day after the quake, which struck on 20 August.")
T("day-after-quake-which-struck-ok", "21 August is a day after 20 August", "2022-11-01", "Quake", "Rescuers arrived on 21 August, a day after the quake, which struck on 20 August.")


# 7b inverted_range, second batch ---------------------------------------------
C = lambda slug, why, pub, title, body: case("inverted_range", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("inverted_range", slug, False, [], why, a=art(pub, title, body))
C("ran-from-until", "ran from 2019 until 2016", "2022-01-01", "Show", "The show ran from 2019 until 2016 on the local channel.")
T("ran-from-until-ok", "ran from 2016 until 2019", "2022-01-01", "Show", "The show ran from 2016 until 2019 on the local channel.")
C("en-dash-years", "2018–2014 term", "2022-01-01", "Chair", "Her term as chair (2018–2014) was marked by two strikes.")
T("en-dash-years-ok", "2014–2018 term", "2022-01-01", "Chair", "Her term as chair (2014–2018) was marked by two strikes.")
C("opened-closed-separate", "opened 9 October, closed 2 October", "2021-12-01", "Fair", "The book fair opened on 9 October 2021. It closed on 2 October 2021 after record crowds.")
T("opened-closed-separate-ok", "opened 2 October, closed 9 October", "2021-12-01", "Fair", "The book fair opened on 2 October 2021. It closed on 9 October 2021 after record crowds.")
C("month-range-through", "September through June 2020 same year", "2021-01-01", "Season", "The survey ran September 2020 through June 2020 in every county.")
T("month-range-through-ok", "September 2019 through June 2020", "2021-01-01", "Season", "The survey ran September 2019 through June 2020 in every county.")
C("began-ended-clauses", "began on 14 May and ended on 3 May", "2023-06-01", "Exercise", "The naval exercise began on 14 May 2023 and ended on 3 May 2023, the navy said.")
T("began-ended-clauses-ok", "began on 3 May and ended on 14 May", "2023-06-01", "Exercise", "The naval exercise began on 3 May 2023 and ended on 14 May 2023, the navy said.")

C("subject-named-again", "started 14 July, the festival ended 9 July", "2022-11-01", "Festival", "The festival started on 14 July. Crowds were large. The festival ended on 9 July with fireworks.")
T("subject-named-again-ok", "started 4 July, the festival ended 9 July", "2022-11-01", "Festival", "The festival started on 4 July. Crowds were large. The festival ended on 9 July with fireworks.")
C("from-until-weekdays-once", "from 14 November until 11 November", "2022-11-01", "Road", "The road will be closed from Monday, 14 November, until Friday, 11 November.")
T("from-until-weekdays-once-ok", "from 14 November until 18 November", "2022-11-01", "Road", "The road will be closed from Monday, 14 November, until Friday, 18 November.")

# 8 issue #15, fourth round: the kinds the held-out half still missed, in new
# wordings (written from the kind descriptions before the readers were changed;
# the held-out case files were not read). Each contradiction with its twin.

# 8a duration told in one article against a date told in another -------------
def D(slug, conflict, why, a, b):
    case("duration", slug, conflict, ["a", "b"] if conflict else [], why, a=a, b=b)


wd(2023, 11, 22, "Wednesday")
D("x-quake-weeks-ago", True, "five weeks before 22 November is mid-October, not 2 September",
  art("2023-11-20", "Aid reaches Serrat", "Aid convoys reached the mountain villages of Serrat province, where the earthquake struck on September 2."),
  art("2023-11-22", "Serrat families in tents", "Families in Serrat province who lost their homes in the earthquake five weeks ago are still sleeping in tents."))
D("x-quake-weeks-ago-ok", False, "eleven weeks before 22 November is early September",
  art("2023-11-20", "Aid reaches Serrat", "Aid convoys reached the mountain villages of Serrat province, where the earthquake struck on September 2."),
  art("2023-11-22", "Serrat families in tents", "Families in Serrat province who lost their homes in the earthquake eleven weeks ago are still sleeping in tents."))
wd(2024, 3, 11, "Monday")
D("x-footbridge-decades-after-opener", True, "opened 2004: not almost four decades before 2024",
  art("2024-03-10", "Orwell footbridge", "The Orwell footbridge, a steel span over the river, opened to walkers in 2004."),
  art("2024-03-12", "Footbridge shut", "Almost four decades after it first opened to walkers, the Orwell footbridge was shut on Monday over safety fears."))
D("x-footbridge-decades-after-opener-ok", False, "opened 2004: two decades before 2024",
  art("2024-03-10", "Orwell footbridge", "The Orwell footbridge, a steel span over the river, opened to walkers in 2004."),
  art("2024-03-12", "Footbridge shut", "Two decades after it first opened to walkers, the Orwell footbridge was shut on Monday over safety fears."))
D("x-refinery-days-after-present", True, "ten days after 1 June is not 25 June",
  art("2022-06-05", "Refinery fire", "A fire broke out at the Selby refinery on June 1 and burned through the night."),
  art("2022-06-25", "Soot in Selby", "Ten days after the Selby refinery fire broke out, residents are still cleaning soot from their windows."))
D("x-refinery-days-after-present-ok", False, "three weeks after 1 June is about 25 June",
  art("2022-06-05", "Refinery fire", "A fire broke out at the Selby refinery on June 1 and burned through the night."),
  art("2022-06-25", "Soot in Selby", "Three weeks after the Selby refinery fire broke out, residents are still cleaning soot from their windows."))
wd(2021, 11, 26, "Friday")
D("x-trial-weeks-of-hearings", True, "4 October to 26 November is not three weeks",
  art("2021-10-05", "Kessler trial opens", "The trial of the former Kessler Bank chairman opened at the Vell district court on 4 October."),
  art("2021-11-27", "Kessler trial ends", "The trial of the former Kessler Bank chairman ended at the Vell district court on Friday after three weeks of hearings."))
D("x-trial-weeks-of-hearings-ok", False, "4 October to 26 November is nearly eight weeks",
  art("2021-10-05", "Kessler trial opens", "The trial of the former Kessler Bank chairman opened at the Vell district court on 4 October."),
  art("2021-11-27", "Kessler trial ends", "The trial of the former Kessler Bank chairman ended at the Vell district court on Friday after nearly eight weeks of hearings."))
D("x-mayor-for-years", True, "sworn in May 2016: not nine years by 2020",
  art("2020-02-01", "Leddon mayor", "Mira Castel was sworn in as mayor of Leddon in May 2016, after a recount."),
  art("2020-02-03", "Castel to step down", "Castel, who has been mayor of Leddon for nine years, said she would not stand again."))
D("x-mayor-for-years-ok", False, "sworn in May 2016: nearly four years by 2020",
  art("2020-02-01", "Leddon mayor", "Mira Castel was sworn in as mayor of Leddon in May 2016, after a recount."),
  art("2020-02-03", "Castel to step down", "Castel, who has been mayor of Leddon for nearly four years, said she would not stand again."))
D("x-novelist-now-age", True, "born 1950: not 81 in 2019",
  art("2019-07-01", "Holm prize", "The novelist Anders Holm was born in 1950 in a village near the northern coast."),
  art("2019-07-03", "Holm at Brisk", "Holm, now 81, will read from his new book at the Brisk festival."))
D("x-novelist-now-age-ok", False, "born 1950: 68 or 69 in 2019",
  art("2019-07-01", "Holm prize", "The novelist Anders Holm was born in 1950 in a village near the northern coast."),
  art("2019-07-03", "Holm at Brisk", "Holm, now 69, will read from his new book at the Brisk festival."))

# 8b the same event dated in two articles -------------------------------------
def S(slug, conflict, why, a, b):
    case("same_event", slug, conflict, ["a", "b"] if conflict else [], why, a=a, b=b)


S("x-talks-first-round-mid-march", True, "first round of talks April 3 vs mid-March",
  art("2023-04-20", "Rail talks", "Negotiators for the rail unions and the Dorrin operator opened the first round of talks on April 3."),
  art("2023-04-21", "No deal at Dorrin", "The first round of talks between the rail unions and the Dorrin operator, held in mid-March, ended without a deal."))
S("x-talks-first-round-early-april-ok", False, "April 3 is early April",
  art("2023-04-20", "Rail talks", "Negotiators for the rail unions and the Dorrin operator opened the first round of talks on April 3."),
  art("2023-04-21", "No deal at Dorrin", "The first round of talks between the rail unions and the Dorrin operator, held in early April, ended without a deal."))
S("x-underpass-flooded-relative-clause", True, "underpass flooded 12 August vs 15 August",
  art("2022-08-20", "Underpass flooded", "A burst water main flooded the Kellet Road underpass on the night of 12 August, stranding two buses."),
  art("2022-08-21", "Drivers avoid underpass", "Drivers are still avoiding the Kellet Road underpass, which flooded on 15 August when a water main burst."))
S("x-underpass-flooded-relative-clause-ok", False, "both 12 August",
  art("2022-08-20", "Underpass flooded", "A burst water main flooded the Kellet Road underpass on the night of 12 August, stranding two buses."),
  art("2022-08-21", "Drivers avoid underpass", "Drivers are still avoiding the Kellet Road underpass, which flooded on 12 August when a water main burst."))
wd(2021, 10, 5, "Tuesday")
S("x-council-vote-weekday-far", True, "vote on Tuesday (5 October) vs 28 September",
  art("2021-10-08", "Pool to close", "Members of Bramley council debated late into the evening. After three hours, they voted on Tuesday to close the Alder Street pool."),
  art("2021-10-12", "Pool campaign", "Campaigners have asked Bramley council to reverse the vote on 28 September to close the Alder Street pool."))
S("x-council-vote-weekday-far-ok", False, "Tuesday is 5 October",
  art("2021-10-08", "Pool to close", "Members of Bramley council debated late into the evening. After three hours, they voted on Tuesday to close the Alder Street pool."),
  art("2021-10-12", "Pool campaign", "Campaigners have asked Bramley council to reverse the vote on 5 October to close the Alder Street pool."))
S("x-ship-aground-apposition", True, "ran aground March 9 vs March 2",
  art("2022-03-15", "Ship aground", "The cargo ship Marlow Star ran aground off Pell Point on March 9 in heavy fog."),
  art("2022-03-16", "Salvage begins", "Salvage crews have reached the Marlow Star, the cargo ship that ran aground off Pell Point on March 2."))
S("x-ship-aground-other-event-ok", False, "reaching the ship (March 12) is another event than running aground (March 9)",
  art("2022-03-15", "Ship aground", "The cargo ship Marlow Star ran aground off Pell Point on March 9 in heavy fog."),
  art("2022-03-16", "Salvage begins", "Salvage crews reached the Marlow Star off Pell Point on March 12 and said the cargo ship could be refloated."))
S("x-bridge-reopened-word-for-word", True, "the same sentence with June 3 and June 10",
  art("2020-06-12", "Carrow Bridge", "The Carrow Bridge reopened to traffic on June 3 after five months of repairs."),
  art("2020-06-13", "Carrow Bridge traffic", "The Carrow Bridge reopened to traffic on June 10 after five months of repairs."))
S("x-bridge-closed-reopened-ok", False, "closing (June 3) and reopening (June 10) are two events",
  art("2020-06-12", "Carrow Bridge", "The Carrow Bridge closed to traffic on June 3 for a safety check."),
  art("2020-06-13", "Carrow Bridge traffic", "The Carrow Bridge reopened to traffic on June 10 after a safety check."))
S("x-factory-fire-season-year", True, "fire of November 2019 vs spring of 2020",
  art("2021-03-01", "Tarrant fire report", "The Tarrant paint factory fire of November 2019 destroyed forty homes, the report found."),
  art("2021-03-02", "Tarrant homes rebuilt", "Forty homes were destroyed when the Tarrant paint factory caught fire in the spring of 2020."))
S("x-factory-fire-season-year-ok", False, "November 2019 is in the autumn of 2019",
  art("2021-03-01", "Tarrant fire report", "The Tarrant paint factory fire of November 2019 destroyed forty homes, the report found."),
  art("2021-03-02", "Tarrant homes rebuilt", "Forty homes were destroyed when the Tarrant paint factory caught fire in the autumn of 2019."))
wd(2022, 3, 6, "Sunday")
S("x-river-again-ok", False, "the river rose twice: Sunday 6 March and again on 8 March",
  art("2022-03-08", "Kell floods", "The Kell river rose above its banks at Dunmore on Sunday."),
  art("2022-03-09", "Kell floods again", "The Kell river rose above its banks at Dunmore again on March 8."))

# 8f the same event across articles, more shapes: a sentence with a second
# date, a day told as an ordinal, the event named by a pronoun after the
# sentence that names it (written before the readers were changed)
S("x-talks-second-date-in-sentence", True, "first round March 5 (a sentence with a second date) vs late January",
  art("2023-03-10", "Geneva talks", "The first round of talks was held in Geneva on March 5, and a second round is planned for April 2."),
  art("2023-03-12", "Delegates silent", "Delegates said little after the first round of talks in Geneva, held in late January."))
S("x-talks-second-date-in-sentence-ok", False, "March 5 is early March",
  art("2023-03-10", "Geneva talks", "The first round of talks was held in Geneva on March 5, and a second round is planned for April 2."),
  art("2023-03-12", "Delegates silent", "Delegates said little after the first round of talks in Geneva, held in early March."))
S("x-breach-ordinal-days", True, "breach on the 12th vs the 14th",
  art("2024-06-20", "Payroll breach", "Hackers breached the payroll system of Tolver council on the 12th, officials said."),
  art("2024-06-21", "Staff records exposed", "The breach of the payroll system of Tolver council on the 14th exposed 3,000 staff records."))
S("x-breach-ordinal-days-ok", False, "both the 12th",
  art("2024-06-20", "Payroll breach", "Hackers breached the payroll system of Tolver council on the 12th, officials said."),
  art("2024-06-21", "Staff records exposed", "The breach of the payroll system of Tolver council on the 12th exposed 3,000 staff records."))
S("x-depot-fire-pronoun", True, "depot fire broke out May 3 (told with 'It') vs May 8",
  art("2021-05-20", "Harrow depot", "A fire at the Harrow bus depot destroyed twelve buses. It broke out on May 3 in a workshop."),
  art("2021-05-21", "Harrow buses replaced", "The fire at the Harrow bus depot, which broke out on May 8, destroyed twelve buses."))
S("x-depot-fire-pronoun-ok", False, "both May 3",
  art("2021-05-20", "Harrow depot", "A fire at the Harrow bus depot destroyed twelve buses. It broke out on May 3 in a workshop."),
  art("2021-05-21", "Harrow buses replaced", "The fire at the Harrow bus depot, which broke out on May 3, destroyed twelve buses."))
S("x-depot-two-fires-pronoun-ok", False, "a second fire (May 8) after the first (May 3)",
  art("2021-05-20", "Harrow depot", "A fire at the Harrow bus depot destroyed twelve buses. It broke out on May 3 in a workshop."),
  art("2021-05-21", "Harrow buses replaced", "A second fire at the Harrow bus depot broke out on May 8 in the paint shop."))

# 8c order words in new wordings ----------------------------------------------
C = lambda slug, why, pub, title, body: case("order_words", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("order_words", slug, False, [], why, a=art(pub, title, body))
C("only-after-visited", "approved 2 May, only after the 20 May visit", "2021-07-01", "Permit", "The ministry approved the permit on 2 May 2021, but only after inspectors had visited the site on 20 May 2021.")
T("only-after-visited-ok", "approved 28 May, after the 20 May visit", "2021-07-01", "Permit", "The ministry approved the permit on 28 May 2021, but only after inspectors had visited the site on 20 May 2021.")
C("run-up-to-referendum", "rally 8 March in the run-up to a 3 March vote", "2023-04-01", "Referendum", "In the run-up to the referendum on 3 March 2023, the party held its last rally on 8 March 2023.")
T("run-up-to-referendum-ok", "rally 1 March in the run-up to a 3 March vote", "2023-04-01", "Referendum", "In the run-up to the referendum on 3 March 2023, the party held its last rally on 1 March 2023.")
C("shortly-beforehand-semicolon", "warned in June 2020, shortly beforehand of a March 2020 cut", "2021-01-10", "Bank", "The central bank cut its rates in March 2020; shortly beforehand, in June 2020, it had warned of a slowdown.")
T("shortly-beforehand-semicolon-ok", "warned in January 2020 before a March 2020 cut", "2021-01-10", "Bank", "The central bank cut its rates in March 2020; shortly beforehand, in January 2020, it had warned of a slowdown.")
C("beforehand-next-sentence", "completed 20 August beforehand of a 14 August move", "2022-09-01", "Stadium", "The club moved into its new stadium on 14 August 2022. Construction had been completed beforehand, on 20 August 2022.")
T("beforehand-next-sentence-ok", "completed 2 August before a 14 August move", "2022-09-01", "Stadium", "The club moved into its new stadium on 14 August 2022. Construction had been completed beforehand, on 2 August 2022.")
C("future-ahead-of-summit", "visit 12 May ahead of a 9 May summit", "2024-04-01", "Visit", "The minister will visit Kora on 12 May 2024, ahead of the summit there on 9 May 2024.")
T("future-ahead-of-summit-ok", "visit 6 May ahead of a 9 May summit", "2024-04-01", "Visit", "The minister will visit Kora on 6 May 2024, ahead of the summit there on 9 May 2024.")

# 8d pin against text in new wordings ------------------------------------------
C = lambda slug, why, pub, title, body: case("pin_text", slug, True, ["a"], why, a=art(pub, title, body))
T = lambda slug, why, pub, title, body: case("pin_text", slug, False, [], why, a=art(pub, title, body))
wd(2024, 7, 28, "Sunday")
C("ended-last-weekend-later", "ended 28 July told in the past in a 20 July article", "2024-07-20", "Festival", "The folk festival, which ended last weekend on 28 July, drew 40,000 people.")
T("ended-last-weekend-later-ok", "28 July is last weekend for 31 July", "2024-07-31", "Festival", "The folk festival, which ended last weekend on 28 July, drew 40,000 people.")
C("two-days-ago-date", "two days before 10 November is not 4 November", "2022-11-10", "Walkout", "Two days ago, on 4 November, the dock workers' union walked out.")
T("two-days-ago-date-ok", "two days before 6 November is 4 November", "2022-11-06", "Walkout", "Two days ago, on 4 November, the dock workers' union walked out.")
C("last-months-vote-same-month", "last month's vote on 6 October in an October article", "2023-10-20", "Vote", "The results of last month's vote, held on 6 October, were confirmed by the board.")
T("last-months-vote-same-month-ok", "6 October is last month in November", "2023-11-03", "Vote", "The results of last month's vote, held on 6 October, were confirmed by the board.")
C("quarter-ended-later", "a quarter that ended 30 June told in a 10 June article", "2021-06-10", "Sales", "The company said sales fell in the quarter that ended on 30 June.")
T("quarter-ended-later-ok", "the quarter ended before 15 July", "2021-07-15", "Sales", "The company said sales fell in the quarter that ended on 30 June.")
C("this-weeks-storm-earlier", "this week's storm on 2 February in a 14 February article", "2020-02-14", "Storm", "This week's storm, which hit the coast on 2 February, cut power to 3,000 homes.")
T("this-weeks-storm-earlier-ok", "2 February is this week for 4 February", "2020-02-04", "Storm", "This week's storm, which hit the coast on 2 February, cut power to 3,000 homes.")

# 8e page material against the body in new wordings ------------------------------
C = lambda slug, why, body: case("page_body", slug, True, ["a"], why, a=art(None, "", body))
T = lambda slug, why, body: case("page_body", slug, False, [], why, a=art(None, "", body))
C("posted-at-time-before-past", "posted 5 March, body tells 20 March in the past", "Posted: March 5, 2019 at 9:14 am\n\nThe Harlow museum reopened on March 20, 2019 after a year of repairs, its director said.")
T("posted-at-time-before-past-ok", "posted 25 March, body tells 20 March", "Posted: March 25, 2019 at 9:14 am\n\nThe Harlow museum reopened on March 20, 2019 after a year of repairs, its director said.")
C("updated-before-ended", "updated 2 June, strike ended 14 June", "Updated 2 June 2022\n\nThe dock strike, which ended on 14 June 2022, cost the port two million pounds.")
T("updated-before-ended-ok", "updated 20 June, strike ended 14 June", "Updated 20 June 2022\n\nThe dock strike, which ended on 14 June 2022, cost the port two million pounds.")
C("copyright-line-top", "(c) 2011 page telling of a 2014 flood", "Copyright (c) 2011 Valley Star\n\nThe flood of August 2014 swept away the old mill bridge, residents recalled.")
T("copyright-line-top-ok", "(c) 2015 page telling of a 2014 flood", "Copyright (c) 2015 Valley Star\n\nThe flood of August 2014 swept away the old mill bridge, residents recalled.")
C("byline-date-line-last-week", "dated 3 March, 'last week, on 12 March'", "By Amir Sato, Staff Writer\nMarch 3, 2016\n\nThe Brill dam was declared safe last week, on March 12, 2016, after an inspection.")
T("byline-date-line-last-week-ok", "dated 20 March, 'last week, on 12 March'", "By Amir Sato, Staff Writer\nMarch 20, 2016\n\nThe Brill dam was declared safe last week, on March 12, 2016, after an inspection.")
C("first-published-footer", "footer: first published 8 September, body: the vote on 15 September was held", "The county vote on 15 September 2020 was held in heavy rain, and turnout fell.\n\nThis article was first published on 8 September 2020.")
T("first-published-footer-ok", "footer: first published 18 September", "The county vote on 15 September 2020 was held in heavy rain, and turnout fell.\n\nThis article was first published on 18 September 2020.")


def main():
    kinds = sorted({c[0] for c in CASES})
    for k in kinds:
        shutil.rmtree(os.path.join(ROOT, k), ignore_errors=True)
    n = {}
    for kind, slug, conflict, docs, why, arts in CASES:
        n[kind] = n.get(kind, 0) + 1
        d = os.path.join(ROOT, kind, f"{n[kind]:02d}-{'contra' if conflict else 'twin'}-{slug}")
        os.makedirs(d)
        for stem, text in arts.items():
            open(os.path.join(d, stem + ".txt"), "w", encoding="utf-8").write(text)
        with open(os.path.join(d, "expected.yaml"), "w", encoding="utf-8") as f:
            f.write(f"kind: {kind}\nconflict: {'true' if conflict else 'false'}\ndocs: [{', '.join(docs)}]\nwhy: \"{why}\"\n")
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()
