from common import case
K = 'weekday_date'

case(K, 1, 'contra', 'warehouse-blaze-feb6', ['a'],
 "Feb. 6, 2024 was a Tuesday; the text says Monday",
 {'a': ({'published': '2024-02-07', 'title': 'Warehouse fire shuts Route 9'}, """
   A fire that started in a furniture warehouse on Monday, Feb. 6, 2024, burned for more than ten hours and forced the closure of Route 9 overnight.
   Firefighters from four towns were called in.
   No injuries were reported, but two neighbouring businesses were damaged by smoke.
   The state fire marshal's office is investigating the cause.
   Route 9 reopened at 7 a.m. Wednesday.
 """)},
 wd=[('2024-02-06', 'Tuesday'), ('2024-02-07', 'Wednesday')])

case(K, 2, 'contra', 'festival-sept15-no-year', ['a'],
 "No year given; pinned 20 Sep 2023 and past tense make it 2023, and September 15, 2023 was a Friday, not Saturday",
 {'a': ({'published': '2023-09-20', 'title': 'Harvest festival draws record crowds'}, """
   Organisers of the Brenton Harvest Festival say more than 25,000 people attended this year, the most since it began.
   The festival opened on Saturday, September 15, with a parade of tractors down Main Street.
   Food vendors ran out of corn by the second evening.
   Police said the weekend passed with only minor incidents.
   Next year's festival will add a second stage for local bands.
 """)},
 wd=[('2023-09-15', 'Friday'), ('2023-09-20', 'Wednesday')])

case(K, 3, 'contra', 'pier-reopening-12-october', ['a'],
 "Pinned 30 Oct 2023, past tense: 12 October 2023 was a Thursday, not a Wednesday (it was a Wednesday in 2022)",
 {'a': ({'published': '2023-10-30', 'title': 'Pier footfall up since reopening'}, """
   Visitor numbers at Saltmouth pier have doubled since it reopened on Wednesday 12 October after a year of repairs, the town council said.
   The 19th-century pier had been closed since storms damaged its deck.
   New timber decking was shipped from Scotland.
   Traders at the pier head said the half-term holiday had been their busiest week in years.
   A ticket booth will be added at the entrance next spring.
 """)},
 wd=[('2023-10-12', 'Thursday'), ('2022-10-12', 'Wednesday')])

case(K, 4, 'contra', 'toll-rise-jan6-future', ['a'],
 "Pinned 20 Dec 2024, future tense: 'Saturday, Jan. 6' is January 6, 2025, a Monday (it was a Saturday in 2024)",
 {'a': ({'published': '2024-12-20', 'title': 'Bridge tolls to rise in new year'}, """
   Tolls on the Carrow River bridge will go up by 50 cents for cars and $2 for trucks, the bridge authority said Friday.
   The increase will take effect on Saturday, Jan. 6.
   The authority says the money is needed to repaint the 60-year-old span.
   Commuters with transponders will keep their discount.
   It is the first toll rise since 2017.
 """)},
 wd=[('2025-01-06', 'Monday'), ('2024-01-06', 'Saturday'), ('2024-12-20', 'Friday')])

case(K, 5, 'contra', 'school-closure-last-friday-nov9', ['a'],
 "Nov. 9, 2023 was a Thursday; the text calls it 'last Friday (Nov. 9)'",
 {'a': ({'published': '2023-11-14', 'title': 'Lakeview school reopens after gas leak'}, """
   Lakeview Middle School reopened Tuesday, days after a gas leak forced the evacuation of 700 students.
   The leak was detected in the science wing last Friday (Nov. 9) shortly after classes began.
   Eleven students were treated for headaches and released.
   The utility replaced a corroded pipe over the weekend.
   Parents will be invited to a meeting on Thursday to hear from district officials.
   Some families said they would keep their children home until then.
 """)},
 wd=[('2023-11-09', 'Thursday'), ('2023-11-14', 'Tuesday')])

case(K, 6, 'contra', 'cup-final-retrospective', ['a'],
 "3rd March 2019 was a Sunday; the retrospective says Saturday",
 {'a': ({'published': '2024-03-04', 'title': 'Five years on: the day Brackley won the cup'}, """
   Few in the town will forget the afternoon of Saturday 3rd March 2019, when Brackley Athletic beat the league leaders in the county cup final.
   The winning goal came in the 89th minute from a free kick by defender Carl Mensah.
   More than 4,000 supporters travelled to the final, nearly half the town's population.
   Mensah now coaches the club's under-16 side.
   The club has since been promoted twice.
   A mural of the goal was unveiled at the ground last year.
 """)},
 wd=[('2019-03-03', 'Sunday')])

# ---- twins
case(K, 7, 'twin', 'warehouse-blaze-feb6-right', [],
 "Feb. 6, 2024 was a Tuesday, as stated",
 {'a': ({'published': '2024-02-07', 'title': 'Warehouse fire closes Route 12'}, """
   A fire that broke out in a paper warehouse on Tuesday, Feb. 6, 2024, sent smoke across the valley and closed Route 12 for most of the night.
   Crews from three departments fought the blaze.
   The building's owner said about 80 people worked there.
   Officials said the fire did not appear suspicious.
   Route 12 reopened early Wednesday.
 """)},
 wd=[('2024-02-06', 'Tuesday')])

case(K, 8, 'twin', 'timetable-monday-jan8', [],
 "Pinned 18 Dec 2023, future tense: January 8, 2024 is a Monday (it was a Sunday in 2023)",
 {'a': ({'published': '2023-12-18', 'title': 'New rail timetable brings later trains'}, """
   Commuters between Harwick and the city will get two extra late-night trains when a new rail timetable takes effect on Monday, January 8.
   The last train will leave the city at 12:40 a.m. instead of 11:50 p.m.
   Some morning services will leave five minutes earlier.
   The rail company said the changes follow a survey of 3,000 passengers.
   Fares will not change until March.
 """)},
 wd=[('2024-01-08', 'Monday'), ('2023-01-08', 'Sunday'), ('2023-12-18', 'Monday')])

case(K, 9, 'twin', 'fire-friday-dec29-new-year', [],
 "Pinned 10 Jan 2024, past tense: December 29 is 2023, a Friday (it would be a Sunday in 2024)",
 {'a': ({'published': '2024-01-10', 'title': 'Families still in hotels after apartment fire'}, """
   Eighteen families remain in hotels nearly two weeks after a fire gutted the Linden Court apartments.
   The fire broke out on Friday, December 29, in a third-floor kitchen and spread through the roof.
   One resident was treated for smoke inhalation.
   A fundraiser organised by neighbours has raised more than $40,000.
   The building's owner said repairs would take at least six months.
 """)},
 wd=[('2023-12-29', 'Friday'), ('2024-12-29', 'Sunday')])

case(K, 10, 'twin', 'fair-and-parade', [],
 "Friday, June 14, 2024 is right, and 'the following day, Saturday' is June 15 — two events, both weekdays hold",
 {'a': ({'published': '2024-06-10', 'title': 'Summer weekend to open with craft fair'}, """
   Millbrook's summer weekend will begin with a craft fair on Friday, June 14, on the village green.
   The parade follows the next day, Saturday, starting at the fire station at 11 a.m.
   Organisers are still looking for volunteers to marshal the route.
   Parking will be available at the high school.
   Last year's event raised $12,000 for the library.
 """)},
 wd=[('2024-06-14', 'Friday'), ('2024-06-15', 'Saturday')])

case(K, 11, 'twin', 'pier-reopening-12-october-right', [],
 "Pinned 30 Oct 2023: Thursday 12 October 2023 is correct",
 {'a': ({'published': '2023-10-30', 'title': 'Lido visitor numbers climb'}, """
   Attendance at the Westcliff lido has risen sharply since it reopened on Thursday 12 October following a refit of its heating system.
   The pool now stays at 25 degrees all year.
   About 1,800 swimmers used it in the first week.
   The council said the new heat pumps would cut running costs by a third.
   A sauna will open in the spring.
 """)},
 wd=[('2023-10-12', 'Thursday')])

case(K, 12, 'twin', 'gas-leak-last-thursday-nov9', [],
 "Pinned Tue 14 Nov 2023: 'last Thursday (Nov. 9)' — Nov. 9, 2023 was a Thursday",
 {'a': ({'published': '2023-11-14', 'title': 'Hillcrest library reopens after flood'}, """
   Hillcrest branch library reopened Tuesday, five days after a burst pipe flooded its children's section.
   The pipe failed last Thursday (Nov. 9) shortly before the library opened.
   About 2,000 picture books were damaged and will be replaced.
   Story time sessions will restart next week.
   Staff thanked neighbours who helped move shelves on Friday.
 """)},
 wd=[('2023-11-09', 'Thursday'), ('2023-11-14', 'Tuesday')])

if __name__ == '__main__':
    from common import write_all, CASES
    write_all(); print(len(CASES))
