from common import case
K = 'order_words'

case(K, 1, 'contra', 'school-before-town-hall', ['a'],
 "School opened in 1962 'several years before' the town hall, which was finished in 1958",
 {'a': ({'published': '2022-09-14', 'title': 'Listed status sought for St Aidan\'s school'}, """
   Campaigners have asked for St Aidan's school in Brinsley to be given listed status before its planned demolition.
   St Aidan's opened its doors in 1962, several years before the town hall, which was finished in 1958.
   Both buildings were designed by the architect Joan Pryce.
   The school closed in 2019 when pupils moved to a new academy.
   The council wants to build 80 homes on the site.
   Historic England said it would consider the request.
 """)})

case(K, 2, 'contra', 'recall-followed-statement', ['a'],
 "The recall is said to have 'followed' the minister's 12 June statement, but the article dates the recall notice 4 June",
 {'a': ({'published': '2023-06-20', 'title': 'Baby formula recall widens'}, """
   A recall of powdered baby formula has been extended to three more batches, the food safety agency said on Monday.
   The recall followed the health minister's statement on 12 June that tests had found traces of bacteria at the factory.
   No illnesses have been confirmed.
   Parents are advised to check the batch number on the base of the tin.
   Supermarkets have removed the affected products from shelves.
   The manufacturer, Nurtura, said it was cooperating fully.
   A helpline has taken more than 5,000 calls.
   The original recall notice was issued on 4 June and covered two batches.
 """)})

case(K, 3, 'contra', 'layoffs-after-merger', ['a', 'b'],
 "a: merger completed 1 April 2022; b: layoffs announced in January 2022 'came only after the merger had closed'",
 {'a': ({'published': '2022-04-02', 'title': 'Corwen and Tally complete merger'}, """
   Regional grocers Corwen and Tally completed their merger on 1 April 2022, creating a chain of 140 stores.
   The combined company will trade under the Corwen name.
   Competition regulators approved the deal in February after the companies agreed to sell 12 stores.
   Chief executive Paula Reyes said prices would not rise as a result.
   Tally shops will be rebranded over the summer.
 """),
  'b': ({'published': '2022-08-30', 'title': 'Corwen staff protest job cuts'}, """
   Workers at Corwen's distribution centre in Halford staged a protest on Monday over 400 job cuts.
   The layoffs, announced in January 2022, came only after the merger with Tally had closed, the union said.
   The company says the cuts are needed to remove duplicated roles.
   Staff are being offered redeployment to stores where possible.
   The union is balloting members on strike action.
 """)})

case(K, 4, 'contra', 'councillor-later-leader', ['a'],
 "She was elected in May 2014 and 'later, in March 2012,' became leader — 'later' but earlier",
 {'a': ({'published': '2021-11-03', 'title': 'Council leader Morris to stand down'}, """
   Angela Morris will stand down as leader of Hexley borough council next year, she announced on Tuesday.
   Morris was first elected to the council in May 2014 and later, in March 2012, became its leader.
   During her time in charge the council built its first new council houses in forty years.
   She was criticised over the closure of two libraries.
   Her deputy, Kwame Asante, is expected to seek the leadership.
   Morris said she would remain a ward councillor.
 """)})

case(K, 5, 'contra', 'strike-preceded-by-talks', ['a'],
 "The strike on 9 October is said to have been 'preceded by' talks on 15 October",
 {'a': ({'published': '2023-10-21', 'title': 'University staff to strike again'}, """
   Lecturers at Dunmore University will walk out again next month, their union said.
   The one-day strike on 9 October was preceded by a failed round of talks on 15 October, the union's branch secretary said.
   The dispute is over pensions and workload.
   The university said it had made a fair offer.
   Students have started a petition calling for tuition fee refunds.
   A further three days of action are planned in November.
 """)})

case(K, 6, 'contra', 'storm-after-festival', ['a'],
 "Pinned September 2024: the storm 'on 2 August' is said to have come 'after' the festival that packed up 'on 20 August'",
 {'a': ({'published': '2024-09-02', 'title': 'Showground repairs to cost 200,000 pounds'}, """
   Repairs to the Fellside showground will cost about 200,000 pounds, the agricultural society said.
   The storm that tore through the site on 2 August came after the folk festival had packed up on 20 August, so no one was hurt.
   It flattened two barns and uprooted a row of oak trees.
   The society's insurance will cover most of the cost.
   Next year's county show will go ahead as planned in June.
 """)})

# ---- twins
case(K, 7, 'twin', 'december-vote-before-january', [],
 "The December 2019 vote 'came before' the January 2020 ruling — true across the year boundary",
 {'a': ({'published': '2020-02-10', 'title': 'Appeal lodged over quarry expansion'}, """
   Residents of Wexcombe have lodged an appeal against the expansion of the Harcourt quarry.
   The council's December 2019 vote to approve the plan came before the January 2020 ruling by the planning inspector, which upheld it.
   Campaigners say the inspector ignored evidence about dust.
   The quarry's owner said the expansion would safeguard 70 jobs.
   A hearing is expected in the spring.
 """)})

case(K, 8, 'twin', 'ceremony-followed-vote', [],
 "The ceremony on 9 May 'followed' the vote on 2 May — mentioned in reverse order, but true",
 {'a': ({'published': '2023-05-10', 'title': 'Ellerby becomes a town'}, """
   Ellerby officially became a town on Tuesday at a ceremony in the market square.
   The ceremony on 9 May followed the parish council's vote on 2 May to adopt town status.
   The new mayor, Joan Sutcliffe, received her chain of office from the county's lord lieutenant.
   Children from the primary school sang.
   The change does not give the council any new powers.
 """)},
 wd=[('2023-05-09', 'Tuesday')])

case(K, 9, 'twin', 'second-wing-to-follow', [],
 "Hospital opened in 2020, 'a second wing is due to follow in 2026' — a future plan after the opening",
 {'a': ({'published': '2024-02-20', 'title': 'Funding confirmed for hospital extension'}, """
   The government has confirmed 60 million pounds for a second wing at Northfield Community Hospital.
   The hospital opened in 2020, and a second wing is due to follow in 2026.
   The extension will house a cancer treatment unit.
   Patients currently travel 40 miles for radiotherapy.
   Building work is set to start in the autumn.
 """)})

case(K, 10, 'twin', 'ruling-after-december-hearing', [],
 "Pinned 15 Jan 2024: 'the January 8 ruling came after the December 20 hearing' — December 2023, true",
 {'a': ({'published': '2024-01-15', 'title': 'Judge halts pipeline work'}, """
   Work on the Clearwater gas pipeline has stopped after a judge ruled that its environmental review was incomplete.
   The January 8 ruling came after the December 20 hearing in which landowners described damage to wetlands.
   The pipeline company said it would appeal.
   About 12 miles of pipe have already been laid.
   The state has 30 days to respond.
 """)})

case(K, 11, 'twin', 'ceremony-hours-before-match', [],
 "Morning ceremony 'hours before' the evening match on the same day, Saturday 14 September 2024 — consistent",
 {'a': ({'published': '2024-09-15', 'title': 'Stadium named after club legend'}, """
   Hartfield United renamed its ground the Eddie Walsh Stadium at a morning ceremony, hours before the evening match on Saturday, 14 September.
   Walsh scored 212 goals for the club between 1961 and 1975.
   His daughter unveiled a plaque at the main entrance.
   United went on to win the match 2-0.
   More than 9,000 fans attended, the biggest crowd of the season.
 """)},
 wd=[('2024-09-14', 'Saturday')])

case(K, 12, 'twin', 'partner-three-years-later', [],
 "Joined in 2011 and named partner 'three years later, in 2014' — adds up and in order",
 {'a': ({'published': '2022-03-08', 'title': 'Law firm names first female senior partner'}, """
   Carrick Stone, one of the city's oldest law firms, has named Diane Simmons as its senior partner, the first woman in the role.
   Simmons joined the firm in 2011 and was named partner three years later, in 2014.
   She specialises in employment law.
   The firm has 120 lawyers and offices in three cities.
   She takes over from Robert Carrick, who is retiring after 38 years.
 """)})

if __name__ == '__main__':
    from common import write_all, CASES
    write_all(); print(len(CASES))
