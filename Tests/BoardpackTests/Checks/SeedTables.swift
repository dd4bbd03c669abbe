/// Tables and sentences copied from the seed papers in ../shared/seeds.
enum Seeds {
  /// Q4 2025/26 update report, paragraph 13: Hinckley and Bosworth 30 ≠ 23 + 4, Leicester City
  /// 162 ≠ 53 + 108, North West Leicestershire 39 ≠ 27 + 8, and the first column sums to 421, not 413.
  static let engagements = [
    [
      "Local Authority", "Total Engagements since May 2024",
      "Total Community Day Engagements since May 2024", "Any Other Engagements",
    ],
    ["Blaby", "33", "23", "10"],
    ["Charnwood", "35", "21", "14"],
    ["Harborough", "31", "24", "7"],
    ["Hinckley and Bosworth", "30", "23", "4"],
    ["Leicester City", "162", "53", "108"],
    ["Melton", "30", "20", "10"],
    ["North West Leicestershire", "39", "27", "8"],
    ["Oadby and Wigston", "27", "18", "9"],
    ["Rutland", "34", "25", "9"],
    ["Total", "413", "234", "179"],
  ]

  /// Q4 report paragraph 27: correct throughout.
  static let allocations = [
    ["CSP Area", "2025-26 Allocations", "2025-26 Expenditure", "2025-26 Remaining CSP Balance"],
    ["Leicester", "£271,818.47", "£236,492.47", "£35,326.00"],
    ["Charnwood", "£89,530.24", "£89,530.24", "Nil"],
    ["SNWLP", "£53,776.10", "£37,078.21", "£16,697.89"],
    ["Blaby", "£52,665.76", "£40,405.42", "£12,260.34"],
    ["Hinckley and Bosworth", "£51,217.55", "£46,485.80", "£4,731.75"],
    ["Harborough", "£37,479.75", "£31,110.60", "£6,369.15"],
    ["Oadby and Wigston", "£32,554.58", "Nil", "£32,554.58"],
    ["Melton Mowbray", "£31,335.75", "£31,335.75", "Nil"],
    ["Rutland", "£19,296.80", "£15,354.00", "£3,942.80"],
  ]

  /// Commissioned services report: modality starts and ends by month with a Total column; correct.
  static let modalities = [
    [
      "Leicester", "Jan-25", "Feb-25", "Mar-25", "Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25",
      "Sep-25", "Oct-25", "Nov-25", "Dec-25", "Total",
    ],
    [
      "Modality Starts", "16", "10", "9", "9", "11", "8", "17", "14", "11", "16", "12", "10", "143",
    ],
    [
      "Modality Ends (all)", "5", "11", "9", "11", "11", "8", "10", "8", "10", "13", "10", "17",
      "123",
    ],
    ["Successful Mod End", "3", "2", "4", "2", "3", "2", "0", "1", "0", "2", "1", "1", "21"],
    [
      "No. with subsequent episode", "1", "1", "2", "0", "2", "0", "0", "0", "0", "0", "0", "0",
      "6",
    ],
  ]

  /// S106 report: whole pounds, spent printed negative; totals off by £1 only through rounding.
  static let s106 = [
    ["Local Authority", "Total Agreements £", "Total Spent £", "Total remaining £"],
    ["Blaby", "3,195,040", "- 1,294,118", "1,900,922"],
    ["Charnwood", "4,029,725", "- 771,737", "3,257,988"],
    ["Hinckley and Bosworth", "1,402,368", "- 187,284", "1,215,084"],
    ["Harborough", "1,963,322", "- 1,081,965", "881,357"],
    ["Melton", "569,665", "- 287,737", "281,928"],
    ["North-West Leicestershire", "1,119,649", "- 625,042", "494,607"],
    ["Oadby and Wigston", "255,237", "- 233,033", "22,204"],
    ["Rutland", "204,132", "- 165,816", "38,315"],
    ["Leicester City", "-", "-", "-"],
    ["Total", "12,739,137", "- 4,646,732", "8,092,406"],
  ]

  /// S106 report paragraph 6: in March 2026 the rows "of which" sum to 12,525,248, not 12,759,259.
  static let s106Agreements = [
    ["S106 Agreements", "12/07/2023 £", "10/03/2026 £"],
    ["Total value of all agreements", "11,124,266", "12,759,259"],
    ["of which:", "", ""],
    ["Developments not yet started", "2,933,094", "1,342,434"],
    ["Monies held by developers", "2,030,052", "4,778,562"],
    ["Monies held by LA", "2,663,377", "1,930,400"],
    ["Monies received by Leics Police", "3,497,743", "4,453,733"],
    ["Agreements expired", "-", "20,119"],
    ["Total monies spent", "2,351,134", "4,646,732"],
    ["Total funds remaining", "8,773,132", "8,092,408"],
  ]

  /// Police contact demand report: 999 calls; correct, with a % change and pp changes in one column.
  static let calls999 = [
    ["999 Calls performance", "2024", "2025", "+/- vol", "% change"],
    ["Volume", "148,957", "202,344", "+53,387", "+36%"],
    ["Answered within 10 secs", "95.8%", "92.2%", "", "-3.6pp"],
    ["Abandonment Rate", "0.1%", "0.3%", "", "+0.2pp"],
  ]

  /// Commissioned services report: DToA before and after; "% of Required Assessments attended"
  /// 74% → 51% is printed "-23%", a point difference, where the change is -31%.
  static let drugTesting = [
    ["Monthly Average", "With Enhanced HO Funding", "Current Provision (Q3 2025)", "Change"],
    ["People identified as suitable for any form of intervention", "280", "241", "-14%"],
    ["Drug tests carried out", "95", "24", "-75%"],
    ["Positive tests", "52", "12", "-77%"],
    ["Required Assessment booked (Referral into treatment)", "43", "9", "-79%"],
    ["Required Assessments attended", "32", "5", "-84%"],
    ["% of Required Assessments attended", "74%", "51%", "-23%"],
    ["Waiting time for Required Assessments", "5 days", "7 days", "+ 2 days"],
    ["Naloxone issued from custody", "22", "1", "-95%"],
    ["Entries into treatment", "22", "7", "-68%"],
  ]

  /// Q4 report paragraph 63: the complaint reviews table (21 + 15 + 9 = 45).
  static let complaintReviews = [
    [
      "", "No of reviews received", "No Not upheld", "No completed within 28 days",
      "No not completed in within 28 days", "Learning/ Recommendations made",
    ],
    ["Jan", "21", "1", "4", "9", "2"],
    ["Feb", "15", "0", "1", "0", "0"],
    ["Mar", "9", "0", "2", "2", "0"],
  ]

  /// June 2025 LRSCSB update, paragraph 8: the People Zones table with its "Sum" column left empty.
  static let peopleZones = [
    ["Organisation", "Project", "Brief", "Sum"],
    [
      "Love4Life", "",
      "This project offers a safe space to girls that have been identified as vulnerable.", "",
    ],
    [
      "New Parks Adventure Playground", "Thursday @ The Venny",
      "This project will allow local children to access activities.", "",
    ],
    [
      "Team Hub CIC", "Nature Works",
      "Nature Works is a new programme initially identified for four boys.", "",
    ],
    [
      "Soft Touch Arts", "Summer 25", "A series of outreach, street-based art and music sessions.",
      "",
    ],
    [
      "GNR8 Academy", "Access to Fitness Scholarship",
      "This project aims to provide 20 young people with memberships.", "",
    ],
    [
      "Social Training and Recreational Sports (STARS)", "Supporting Vulnerable Young People",
      "This project aims to provide a smooth transition.", "",
    ],
  ]

  /// Commissioned services report paragraph 10: "No - 40/44%" should be 34% (77 + 40 = 117).
  static let helpSeeking = [
    ["", "Q1 2026-26", "Q2 2025-26", "Q3 2025-26"],
    [
      "Is this the first time the caller has sought help?", "Yes - 77/66% No - 40/44%",
      "Yes - 33/69% No - 15/31%", "Yes - 50/53% No - 44/47%",
    ],
    [
      "Did you find the call useful?", "Yes - 114/97% No - 4/3%", "Yes - 45/94% No - 3/6%",
      "Yes - 91/97% No - 3/3%",
    ],
    [
      "Do you know where you can go to get help?", "Yes - 119/96% No - 5/4%",
      "Yes - 46/96% No - 2/4%", "Yes - 94/100%",
    ],
    [
      "Would you have called if we were not confidential?", "Yes - 42/44% No - 54/56%",
      "Yes - 15/31% No - 33/69%", "Yes - 25/27% No - 69/73%",
    ],
  ]

  /// Plan delivery update, Appendix 1 (a few rows of the dashboard, keyed by "Serial No"); row 83
  /// rose from 3575 to 3582 but is marked "↓".
  static let dashboard = [
    [
      "Serial No", "Delivery Strategy", "Metric", "Headline/Sub", "Target/Expectation",
      "Baseline 2024/25", "Latest", "Direction", "RAG",
    ],
    [
      "1", "Finances", "Published Medium Term Financial Strategy (Annual figure)", "Headline",
      "Completed Y/N", "Y", "Y", "↑", "",
    ],
    [
      "34", "Violence and Vulnerability",
      "Police referrals into drug treatment via required assessment", "Headline", "Increase", "70",
      "30", "↓", "",
    ],
    ["57", "Road Safety", "Number of Casualties", "Headline", "Reduce", "100", "127", "↑", ""],
    ["58", "Road Safety", "Number of Collisions", "Headline", "Reduce", "100.75", "102", "↔", ""],
    [
      "70", "Supporting Victims", "Victim Satisfaction (Force)", "Headline", "Increase", "75.50%",
      "72.1%", "↔", "",
    ],
    [
      "82", "Effective Criminal Justice", "Positive Outcome rate", "Headline", "Increase", "13.9%",
      "16.0%", "↑", "",
    ],
    [
      "83", "Effective Criminal Justice", "Volumes of Out of Court Resolutions", "Headline",
      "Increase", "3575", "3582", "↓", "",
    ],
  ]
}
