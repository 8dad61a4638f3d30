from common import case
K = 'same_event'

case(K, 1, 'contra', 'footbridge-collapse', ['a', 'b'],
 "a: footbridge collapsed Friday March 8, 2024; b (pinned Wed Mar 20): it gave way 'last Wednesday' = March 13",
 {'a': ({'published': '2024-03-12', 'title': 'Two hurt as Harlow Street footbridge collapses'}, """
   The Harlow Street footbridge collapsed into the Wend canal on Friday, March 8, injuring two pedestrians who were crossing at the time.
   Both were taken to St Mary's Hospital and were released the same evening, a spokeswoman said.
   The city's engineering department closed the towpath on both banks while divers searched the water for debris.
   The bridge, a steel span built in the 1970s, had last been inspected in 2021.
   Councillor Dev Rana said the authority would publish the inspection report in full.
   A temporary crossing is expected to be in place by the summer.
 """),
  'b': ({'published': '2024-03-20', 'title': 'Canal footbridge inquiry widens to other crossings'}, """
   Engineers will inspect every footbridge along the Wend canal after the Harlow Street crossing gave way last Wednesday, the council announced.
   Investigators are still examining the twisted steel recovered from the water.
   "We are not going to wait for the final report to check the others," said Councillor Dev Rana.
   Nine bridges of similar design remain in use across the city.
   Boat traffic on the canal has resumed, though a one-way system is in place near the site.
   The council has set aside 400,000 pounds for the inspections.
 """)},
 wd=[('2024-03-08', 'Friday'), ('2024-03-20', 'Wednesday'), ('2024-03-13', 'Wednesday')])

case(K, 2, 'contra', 'ceo-resignation', ['a', 'b'],
 "a: Ellison stepped down on January 9, 2023; b: she resigned 'in late January'",
 {'a': ({'published': '2023-01-11', 'title': 'Bramwell Foods chief Ellison steps down'}, """
   Marta Ellison stepped down as chief executive of Bramwell Foods on January 9, ending a six-year tenure marked by two large acquisitions.
   The board named finance director Owen Pike as interim chief while it searches for a permanent replacement.
   Shares in the company fell 3 percent in early trading after the announcement.
   Ellison said in a statement that she wanted to spend more time with her family.
   Bramwell, which makes frozen meals and snacks, employs about 4,000 people.
 """),
  'b': ({'published': '2023-05-15', 'title': 'Bramwell names new chief executive'}, """
   Bramwell Foods has appointed former retail executive Hana Vogt as its chief executive, filling a post left vacant for months.
   Vogt spent a decade at the supermarket chain Corlay, where she ran its own-brand range.
   The role had been held on an interim basis by Owen Pike since Marta Ellison resigned in late January.
   Analysts welcomed the appointment, saying Vogt understood the pressure supermarkets put on suppliers.
   Pike will return to his job as finance director.
   Vogt starts on June 1.
 """)})

case(K, 3, 'contra', 'textile-mill-fire', ['a', 'b'],
 "a: fire at Kessington mill on 14 May 2022; b (pinned 20 Nov 2022): fire was 'three months' ago, i.e. about August",
 {'a': ({'published': '2022-05-15', 'title': 'Fire destroys part of Kessington textile mill'}, """
   On 14 May 2022, fire swept through the dyeing shed of the Kessington textile mill, sending black smoke over the town for most of the afternoon.
   Twelve fire engines attended and no one was hurt, the county fire service said.
   About 200 workers were evacuated shortly after 1pm.
   The mill's owner, Fairbank Textiles, said it was too early to say when production would restart.
   Residents were advised to keep windows closed overnight.
 """),
  'b': ({'published': '2022-11-20', 'title': 'Kessington mill workers return'}, """
   Workers returned to the Kessington textile mill this week, three months after a blaze gutted its dyeing shed.
   Fairbank Textiles said 140 of the 200 staff were back on site, with the rest due to return in the new year.
   The rebuilt shed uses a sprinkler system that was not fitted before the fire.
   "It has been a long wait, but we kept everyone on full pay," said managing director Ruth Allan.
   The cause of the fire is still under investigation.
   Local shops said trade had picked up as soon as the shifts resumed.
 """)})

case(K, 4, 'contra', 'mayoral-election', ['a', 'b'],
 "a: Nand elected mayor Tuesday, November 7, 2023; b: she won 'the vote on the final day of October' (Oct 31)",
 {'a': ({'published': '2023-11-08', 'title': 'Nand wins Dunmore mayoral race'}, """
   Voters in Dunmore elected Priya Nand as mayor on Tuesday, November 7, 2023, giving the former school board chair a comfortable margin.
   Nand took 56 percent of the vote against two-term councilman Rick Ostrow.
   Turnout was 41 percent, up from 33 percent four years ago, the county clerk said.
   Nand campaigned on expanding bus service and repairing the city's water mains.
   She will be sworn in later this month.
 """),
  'b': ({'published': '2023-12-04', 'title': 'New Dunmore mayor sets out first budget priorities'}, """
   Mayor Priya Nand said Monday that the city's first budget under her leadership would put road and pipe repairs ahead of new projects.
   The city faces a 2 million dollar gap next year, according to the finance office.
   Nand, sworn in last week after winning the vote on the final day of October, said she would hold public meetings in every ward.
   The council must approve a budget by the end of January.
   Ostrow, her former rival, said he would work with the new administration.
   A first hearing is set for December 12.
 """)},
 wd=[('2023-11-07', 'Tuesday'), ('2023-12-04', 'Monday')])

case(K, 5, 'contra', 'museum-reopening', ['a', 'b'],
 "a (pinned 10 Sep 2021): museum 'reopened its doors yesterday' = 9 Sep; b: it welcomed visitors back on 2 September",
 {'a': ({'published': '2021-09-10', 'title': 'Calder maritime museum reopens after two-year refit'}, """
   After a two-year renovation, the Calder Museum of Maritime History reopened its doors yesterday.
   Around 3,000 people passed through in the first day, according to the museum.
   The refit added a new gallery for the restored lifeboat Grace Hollis and a cafe overlooking the harbour.
   Entry remains free, though some special exhibitions will charge a fee.
   Director Sam Okoro said the museum had raised most of the 9 million pound cost from donors.
 """),
  'b': ({'published': '2021-10-02', 'title': 'Calder museum visitor numbers beat forecast'}, """
   The Calder Museum of Maritime History has drawn more visitors in its first month back than it usually sees in a year's summer season.
   When the museum welcomed visitors back on 2 September, queues stretched along the quay.
   Figures released on Friday show 41,000 admissions so far.
   Hotels near the harbour said bookings had risen.
   The museum plans late openings on Thursdays through the winter.
 """)})

# ---- twins
case(K, 6, 'twin', 'water-main-week-ago', [],
 "a: main burst Monday, April 15, 2024; b pinned Monday April 22: 'a week ago today' = April 15",
 {'a': ({'published': '2024-04-18', 'title': 'Repairs continue after Eastfield water main burst'}, """
   The water main burst on Monday, April 15, flooding three streets in Eastfield and leaving about 600 homes without water.
   Supply was restored to most homes by Wednesday afternoon, the utility said.
   Bottled water was handed out at the community centre on Greaves Road.
   The pipe, laid in 1938, is one of several the utility has flagged for replacement.
   Drivers are asked to avoid Fen Lane while work continues.
 """),
  'b': ({'published': '2024-04-22', 'title': 'Eastfield road to stay shut another fortnight'}, """
   Fen Lane will stay closed for at least two more weeks while crews rebuild the road surface above the water main that ruptured a week ago today.
   The utility said the collapse beneath the road was worse than first thought.
   Businesses on the lane say trade has fallen by half.
   "We understand the frustration," a spokesman said, adding that compensation claims could be made online.
   A diversion remains in place through Mill Street.
 """)},
 wd=[('2024-04-15', 'Monday'), ('2024-04-22', 'Monday')])

case(K, 7, 'twin', 'council-two-votes', [],
 "Two different council votes: rezoning on March 5, parking levy on March 12 ('a week after'); no conflict",
 {'a': ({'published': '2024-03-06', 'title': 'Council approves riverside rezoning'}, """
   The city council approved the rezoning of the old riverside warehouses on March 5, clearing the way for 300 homes.
   The vote was 7 to 2.
   Opponents argued the plan did not include enough affordable housing.
   Developer Lakemoor Homes said it hoped to start work next year.
   The council will next take up the proposed downtown parking levy.
 """),
  'b': ({'published': '2024-03-13', 'title': 'Downtown parking levy passes'}, """
   A week after approving the riverside rezoning, the city council on March 12 passed a levy on downtown parking spaces.
   Businesses with more than 20 spaces will pay an annual fee.
   The money will go toward bus shelters and cycle lanes.
   The chamber of commerce said it was disappointed.
   The levy takes effect in July.
 """)})

case(K, 8, 'twin', 'tunnel-nearly-a-month', [],
 "a: tunnel opened June 4, 2023; b pinned July 1: 'nearly a month ago' (27 days) — consistent",
 {'a': ({'published': '2023-06-05', 'title': 'Ridgeway Tunnel opens to traffic'}, """
   The Ridgeway Tunnel opened to traffic on June 4, cutting the drive between Alton and Mercer by twenty minutes.
   The first cars passed through just after 6am.
   The tunnel took four years to build and cost 310 million dollars.
   Tolls will be waived for the first month.
   Officials expect about 18,000 vehicles a day.
 """),
  'b': ({'published': '2023-07-01', 'title': 'Ridgeway Tunnel tolls begin Monday'}, """
   Drivers will start paying to use the Ridgeway Tunnel on Monday.
   The tunnel, which opened nearly a month ago, has carried more traffic than forecast, the transport agency said.
   Cars will pay 3 dollars each way and trucks 9 dollars.
   Frequent users can buy a monthly pass.
   Some residents of Mercer have asked for a local discount.
 """)})

case(K, 9, 'twin', 'trial-delayed', [],
 "a: trial scheduled to begin April 11 (a plan); b: trial opened April 18, 'a week later than planned' — plan, not event",
 {'a': ({'published': '2022-03-01', 'title': 'Date set for harbour fraud trial'}, """
   The trial of three former harbour board officials accused of fraud is scheduled to begin on April 11, a judge ruled on Monday.
   The men deny charges of diverting 2 million dollars in port fees.
   Lawyers for one defendant had asked for more time to review documents.
   The trial is expected to last six weeks.
   About 40 witnesses are due to give evidence.
 """),
  'b': ({'published': '2022-04-20', 'title': 'Harbour fraud trial opens'}, """
   The trial of three former harbour board officials opened on April 18, a week later than planned after a juror fell ill.
   Prosecutors told the jury the men had treated port fees "as a private bank account".
   Defence lawyers said the payments had been approved by the full board.
   The first witness, a former accountant, is expected to testify on Thursday.
   The men face up to ten years in prison if convicted.
 """)})

case(K, 10, 'twin', 'resignation-late-january', [],
 "a: Carver resigned January 27, 2020; b: 'resigned in late January' and 'about three months ago' when pinned April 28 — consistent",
 {'a': ({'published': '2020-01-28', 'title': 'Library director Carver resigns'}, """
   Linda Carver resigned as director of the Pemberton public library system on January 27, citing disagreements with the board over branch closures.
   Carver had led the system for eight years.
   The board plans to close two of its eleven branches to save money.
   Deputy director Marcus Lee will run the system until a replacement is found.
   Library staff held a small protest outside the board meeting.
 """),
  'b': ({'published': '2020-04-28', 'title': 'Pemberton library board picks new director'}, """
   The Pemberton library board has chosen Teresa Huang, head of a neighbouring county system, as its new director.
   The post has been filled on an interim basis since Linda Carver resigned in late January, about three months ago.
   Huang said she wanted to review the planned branch closures before any final decision.
   Board members voted 5 to 2 for her appointment.
   She starts in June.
 """)})

case(K, 11, 'contra', 'valley-blackout-with-distractor', ['a', 'c'],
 "a: Ashdale blackout struck late on Monday, October 7, 2024; c (pinned Wed Oct 16): it struck 'last Thursday' (Oct 10); b is an unrelated same-week story",
 {'a': ({'published': '2024-10-09', 'title': 'Thousands lose power in Ashdale valley'}, """
   Power was cut to about 30,000 homes across the Ashdale valley late on Monday, October 7, after a fault at the Kelby substation.
   Most customers had their supply back by Tuesday lunchtime.
   Traffic lights in Ashdale town were out for several hours, and two schools closed.
   The network operator said a transformer had overheated.
   Residents who lost frozen food can claim up to 50 pounds.
 """),
  'b': ({'published': '2024-10-10', 'title': 'Ashdale council agrees winter gritting plan'}, """
   Ashdale council has agreed to grit 40 more miles of rural road this winter after complaints from villages cut off last year.
   The decision was taken at a cabinet meeting on Wednesday.
   The council has bought two extra gritting lorries.
   Parish councils will be given salt bins for steep lanes.
   The plan will cost an extra 220,000 pounds.
 """),
  'c': ({'published': '2024-10-16', 'title': 'Operator apologises for Ashdale blackout'}, """
   The network operator has apologised to customers in the Ashdale valley and promised an independent review of the substation fault that plunged 30,000 homes into darkness last Thursday.
   Chief executive Mark Fell told councillors the transformer had passed an inspection in the spring.
   Some homes in outlying villages were without power for nearly a day.
   Councillors asked why the operator's phone lines had been overwhelmed.
   The review is due to report by Christmas.
 """)},
 wd=[('2024-10-07', 'Monday'), ('2024-10-09', 'Wednesday'), ('2024-10-16', 'Wednesday'), ('2024-10-10', 'Thursday')])

case(K, 12, 'twin', 'ferry-launch-three-wordings', [],
 "Same launch in three wordings: 'yesterday' (pinned Oct 8), 'announced today, a week to the day after' (pinned Mon Oct 14), 'in early October' — all October 7, 2024",
 {'a': ({'published': '2024-10-08', 'title': 'New island ferry launched on the Clyde'}, """
   The new island ferry Morven was launched at the Ferrie and Dow yard in Port Glasgow yesterday, two years later than planned.
   Hundreds of shipyard workers and their families watched as the hull slid into the river.
   The ship will now be fitted out before sea trials next year.
   It will carry 400 passengers and 80 cars.
   The island communities it will serve have faced repeated cancellations on their ageing ferries.
 """),
  'b': ({'published': '2024-10-14', 'title': 'Ferry yard wins second order'}, """
   The Ferrie and Dow shipyard has won an order for a second island ferry, announced today, a week to the day after the Morven slid down its slipway.
   The 110 million pound contract will secure 300 jobs until 2027.
   The yard was nationalised in 2019 after its previous owner collapsed.
   Unions welcomed the order but said the yard needed long-term investment.
 """),
  'c': ({'published': '2024-11-06', 'title': 'Morven fitting-out falls behind'}, """
   Work to fit out the ferry Morven, launched in early October, has fallen behind by several weeks, the shipyard told MSPs.
   Cabling contractors have struggled to find enough electricians.
   The yard still expects the ship to enter service in 2026.
   Islanders said they had heard such promises before.
 """)},
 wd=[('2024-10-07', 'Monday'), ('2024-10-14', 'Monday')])

if __name__ == '__main__':
    from common import write_all, CASES
    write_all(); print(len(CASES))
