"""Hand-written demo content: plausible, illustrative, not real claims about real councils."""

# ruff: noqa: E501

ORGANISATIONS = [
    {
        "code": "MHCLG",
        "name": "Ministry of Housing, Communities and Local Government",
        "organisation_type": "central-government",
        "nation": "England",
        "region": "",
        "website": "https://www.gov.uk/government/organisations/ministry-of-housing-communities-local-government",
        "email_domains": ["communities.gov.uk"],
    },
    {
        "code": "CCS",
        "name": "Crown Commercial Service",
        "organisation_type": "central-government",
        "nation": "",
        "region": "",
        "website": "https://www.crowncommercial.gov.uk",
        "email_domains": ["crowncommercial.gov.uk"],
    },
    {
        "code": "LGA",
        "name": "Local Government Association",
        "organisation_type": "sector-body",
        "nation": "England",
        "region": "",
        "website": "https://www.local.gov.uk",
        "email_domains": ["local.gov.uk"],
    },
    {
        "code": "SOCITM",
        "name": "Socitm",
        "organisation_type": "sector-body",
        "nation": "",
        "region": "",
        "website": "https://socitm.net",
        "email_domains": ["socitm.net"],
    },
    {
        "code": "SOLACE",
        "name": "Solace (Society of Local Authority Chief Executives and Senior Managers)",
        "organisation_type": "sector-body",
        "nation": "",
        "region": "",
        "website": "https://solace.org.uk",
        "email_domains": ["solace.org.uk"],
    },
    {
        "code": "COSLA",
        "name": "Convention of Scottish Local Authorities",
        "organisation_type": "sector-body",
        "nation": "Scotland",
        "region": "",
        "website": "https://www.cosla.gov.uk",
        "email_domains": ["cosla.gov.uk"],
    },
    {
        "code": "WLGA",
        "name": "Welsh Local Government Association",
        "organisation_type": "sector-body",
        "nation": "Wales",
        "region": "",
        "website": "https://www.wlga.cymru",
        "email_domains": ["wlga.cymru"],
    },
    {
        "code": "EXAMPLE-DIGITAL",
        "name": "Example Digital Ltd",
        "organisation_type": "supplier",
        "nation": "England",
        "region": "",
        "website": "https://example.com/example-digital",
        "email_domains": ["example-digital.example.net"],
    },
    {
        "code": "SAMPLE-CLOUD",
        "name": "Sample Cloud Services Ltd",
        "organisation_type": "supplier",
        "nation": "England",
        "region": "",
        "website": "https://example.com/sample-cloud",
        "email_domains": ["sample-cloud.example.net"],
    },
    {
        "code": "DEMO-COOP",
        "name": "Demo Software Co-operative Ltd",
        "organisation_type": "supplier",
        "nation": "Wales",
        "region": "",
        "website": "https://example.com/demo-coop",
        "email_domains": ["demo-coop.example.net"],
    },
]

# Every other demo organisation's email domain is its website's host (organisations 0003 does
# the same for a real directory); the ones above are explicit because their websites are on a
# shared host (MHCLG's is on www.gov.uk) or, for the invented suppliers, on example.com.
COUNCIL_WEBSITES = {
    "BFS": "https://www.belfastcity.gov.uk",
    "BNE": "https://www.barnet.gov.uk",
    "BUC": "https://www.buckinghamshire.gov.uk",
    "CMD": "https://www.camden.gov.uk",
    "CRF": "https://www.cardiff.gov.uk",
    "DNC": "https://www.doncaster.gov.uk",
    "DRS": "https://www.derrystrabane.com",
    "DUR": "https://www.durham.gov.uk",
    "EDH": "https://www.edinburgh.gov.uk",
    "ESS": "https://www.essex.gov.uk",
    "FIF": "https://www.fife.gov.uk",
    "GLG": "https://www.glasgow.gov.uk",
    "GWN": "https://www.gwynedd.llyw.cymru",
    "HAG": "https://www.harrogate.gov.uk",
    "HCK": "https://hackney.gov.uk",
    "ISL": "https://www.islington.gov.uk",
    "KEN": "https://www.kent.gov.uk",
    "KIR": "https://www.kirklees.gov.uk",
    "LBH": "https://www.lambeth.gov.uk",
    "LDS": "https://www.leeds.gov.uk",
    "MAN": "https://www.manchester.gov.uk",
    "MEA": "https://www.midandeastantrim.gov.uk",
    "MEN": "https://www.mendip.gov.uk",
    "NYE": "https://www.northyorks.gov.uk",
    "PKN": "https://www.pkc.gov.uk",
    "SKP": "https://www.stockport.gov.uk",
    "SMT": "https://www.somerset.gov.uk",
    "SOM": "https://www.somerset.gov.uk",
    "SSO": "https://www.southsomerset.gov.uk",
    "SWA": "https://www.swansea.gov.uk",
    "WIL": "https://www.wiltshire.gov.uk",
    "WRL": "https://www.wirral.gov.uk",
}

DOCUMENTS = [
    {
        "key": "hackney-repairs-brief",
        "title": "Repairs service: statement of requirements",
        "text": (
            "Summary of the work\n\n"
            "We want a team to help us design and build an online housing repairs service for council tenants and leaseholders. Today, tenants can only report a repair by phone. We want most routine repairs to be reported, booked and tracked online, while keeping a good phone service for people who need it.\n\n"
            "Where the work will be done\n\n"
            "The team will work with us in Hackney at least 2 days a week. The rest of the work can be remote.\n\n"
            "What we need\n\n"
            "A multidisciplinary team for alpha and beta: a delivery manager, a user researcher, a service designer, an interaction designer, a content designer and 2 to 3 developers. The team must work to the Service Standard and publish code under an open licence.\n\n"
            "Integration\n\n"
            "The service must create jobs in our repairs management system through its API. It must not rely on staff rekeying reports. Appointment slots must come from the contractor's scheduling system in real time.\n\n"
            "Budget and length\n\n"
            "The budget is between £350,000 and £450,000 for up to 24 months, including alpha and private and public beta. We expect to reach a service assessment for public beta within 14 months."
        ),
    },
    {
        "key": "hackney-repairs-obc",
        "title": "Housing repairs digital service: outline business case summary",
        "text": (
            "Purpose\n\n"
            "This summary sets out why we should invest in an online housing repairs service, the options we considered and what we expect it to cost and save over 5 years.\n\n"
            "The case for change\n\n"
            "We receive about 95,000 responsive repair requests a year. All come by phone. Average wait times at peak reach 22 minutes and 1 in 5 calls is abandoned. About 14% of jobs are raised with the wrong trade or priority, which leads to wasted visits.\n\n"
            "Options\n\n"
            "We considered doing nothing, buying the tenant portal module from our repairs system supplier, and building an open-source service with a delivery partner. The preferred option is to build, because it meets tenant needs better, avoids a new long-term licence, and can be reused by other councils.\n\n"
            "Costs and benefits\n\n"
            "The preferred option costs £640,000 to build and about £102,000 a year to run. We expect savings of £310,000 a year from the second year, mainly from call handling and fewer wasted visits. Payback is about 25 months."
        ),
    },
    {
        "key": "stockport-waste-brief",
        "title": "Waste services platform: G-Cloud requirements",
        "text": (
            "Background\n\n"
            "Missed bin reports are the largest single reason residents call us. Crews already record exceptions on in-cab devices, but contact centre staff and residents cannot see this information.\n\n"
            "What we want to buy\n\n"
            "A cloud software service that lets residents report missed bins, book bulky waste collections and manage garden waste subscriptions online. It must read round status and crew exceptions from our in-cab system in near real time.\n\n"
            "Must have\n\n"
            "Accessible to WCAG 2.1 AA. Address lookup using the local land and property gazetteer. Open APIs to our CRM and payments provider. Hosting in the UK. A published service level for availability of at least 99.5%.\n\n"
            "Contract\n\n"
            "We will call off from G-Cloud for an initial 24 months with an option to extend by 12 months. Our budget is up to £220,000 over 3 years including set-up."
        ),
    },
    {
        "key": "missed-bin-research",
        "title": "Missed bin reporting: user research summary",
        "text": (
            "What we did\n\n"
            "We spoke to 34 residents, 12 contact centre staff and 9 crew members. We watched 60 calls and tested 3 rounds of prototypes.\n\n"
            "What we found\n\n"
            "Residents mostly want to know 2 things: will the bin be collected, and when. Many call on the day of collection before the round has finished. Residents accepted a missed collection far more easily when they were told why, for example a blocked road.\n\n"
            "Crews said that the quality of exception recording depends on how easy the in-cab screen is to use while working.\n\n"
            "What we changed\n\n"
            "The form now checks round status first. If the round is still running, it asks people to check again after 6pm. If the crew recorded a problem, the form explains it and says what happens next."
        ),
    },
    {
        "key": "nye-revs-bens-fbc",
        "title": "Revenues and benefits cloud migration: full business case summary",
        "text": (
            "Purpose\n\n"
            "This summary explains why North Yorkshire Council should bring its inherited revenues and benefits systems together on one cloud-hosted system.\n\n"
            "Strategic case\n\n"
            "The new council inherited 4 revenues and benefits systems from its predecessor councils. Three are hosted in data centres that will close. Running several systems means different processes, duplicated licences and higher risk at annual billing.\n\n"
            "Economic case\n\n"
            "We compared keeping all systems, moving to one system on premises, and moving to one supplier-hosted cloud system. The cloud option has the lowest 5-year cost and the lowest risk to annual billing.\n\n"
            "Financial case\n\n"
            "One-off costs are £3.4 million. Annual licence and hosting costs fall from £2.9 million to £1.7 million. Payback is about 34 months.\n\n"
            "Management case\n\n"
            "Migration will happen in 3 waves, avoiding the annual billing window. Each wave needs parallel running and reconciliation before old systems are switched off."
        ),
    },
    {
        "key": "wirral-chatbot-evaluation",
        "title": "Contact centre assistant: evaluation report",
        "text": (
            "Summary\n\n"
            "We tested a chatbot on 12 common topics for 9 months. It handled about 9,000 conversations a month by the end of the test. About 38% ended without the person needing to call or be handed to an adviser.\n\n"
            "What worked\n\n"
            "Factual questions, such as bin days, council tax payment dates and how to pay a parking fine, worked well. Users valued the links to the source web page.\n\n"
            "What did not work\n\n"
            "Questions about benefits and council tax support depend on personal circumstances. The chatbot gave answers that were correct but unhelpful. We removed these topics.\n\n"
            "Accessibility\n\n"
            "Testing with screen reader and keyboard-only users found 7 issues, including focus moving unexpectedly when new messages arrived. The supplier fixed all 7 before public launch.\n\n"
            "Recommendation\n\n"
            "Continue for the remaining contract term, keep the topic list small, and review 200 conversations a week."
        ),
    },
    {
        "key": "website-platform-soc",
        "title": "Shared website platform: strategic outline case",
        "text": (
            "The problem\n\n"
            "Our website runs on a proprietary content management system. The licence costs £95,000 a year and hosting a further £40,000. We cannot change the page templates, and an accessibility audit found 140 failures.\n\n"
            "The opportunity\n\n"
            "Several councils now share an open-source Drupal platform designed for local government. New features paid for by one council are available to all.\n\n"
            "Options\n\n"
            "Do nothing, re-procure a proprietary platform, or move to the shared open-source platform with a delivery partner. We recommend the shared platform.\n\n"
            "Next steps\n\n"
            "Buy a delivery partner through Digital Outcomes and Specialists, audit and reduce our content before migrating, and agree how we will contribute code back to the shared project."
        ),
    },
    {
        "key": "kirklees-early-help-dpia",
        "title": "Early help data sharing: data protection impact assessment summary",
        "text": (
            "What the processing is for\n\n"
            "To help early help workers see which services already support a family, so they can offer help sooner and avoid families repeating their story.\n\n"
            "Lawful basis\n\n"
            "Public task, under the council's duties to safeguard and promote the welfare of children. Special category data is processed for reasons of substantial public interest.\n\n"
            "Data minimisation\n\n"
            "The shared view shows which services are involved and a small set of agreed indicators. It does not show case notes. Detail is shown only to workers with a legitimate reason, and every view is logged and audited monthly.\n\n"
            "Risks and mitigations\n\n"
            "The main risks are inappropriate access and inaccurate matching of records. We mitigate them with role-based access, audit, a matching threshold with manual review, and a clear route for families to ask questions or object."
        ),
    },
    {
        "key": "durham-fa-requirements",
        "title": "Online financial assessment: requirements",
        "text": (
            "What we need\n\n"
            "A financial assessment calculator for adult social care that follows the Care Act 2014 charging rules and statutory guidance. It must give a quick estimate without signing in, and support a full assessment with evidence upload.\n\n"
            "Users\n\n"
            "People who need care and support, their families and carers, and financial assessment officers. Many users are over 75 and many assessments are completed by a relative.\n\n"
            "Integration\n\n"
            "The calculator must send completed assessments to our social care case management system. Officers must be able to review and adjust an assessment before it is confirmed.\n\n"
            "Standards\n\n"
            "WCAG 2.2 AA, UK hosting, and annual updates for changes to charging rules, allowances and benefit rates by the start of each financial year."
        ),
    },
    {
        "key": "glasgow-blue-badge-research",
        "title": "Blue Badge applications: what applicants told us",
        "text": (
            "Who we spoke to\n\n"
            "We spoke to 41 applicants and carers, worked with 3 disabled people's organisations, and spent a week with the Blue Badge team.\n\n"
            "What we found\n\n"
            "Applicants did not understand which evidence applied to them. Many sent everything they had. Others gave up. Renewing applicants were asked for the same evidence and photo as first-time applicants, even when nothing had changed.\n\n"
            "Photos were the most common reason for an incomplete application. People struggled to take a photo that met the rules.\n\n"
            "What we changed\n\n"
            "We explain the eligibility route before the form starts, check benefit eligibility ourselves where we can, reuse photos for renewals, and give clear examples of acceptable photos."
        ),
    },
    {
        "key": "planning-validation-report",
        "title": "Planning validation alpha: final report",
        "text": (
            "Summary\n\n"
            "Four councils tested a tool that checks householder planning applications before submission. In a pilot of 380 applications, 31% were invalid on first submission, compared with 52% before.\n\n"
            "What the tool checks\n\n"
            "That the red line boundary is drawn and matches the site, that the fee matches the answers given, and that the required drawings and documents have been uploaded.\n\n"
            "What we learned\n\n"
            "Agents and householders need different help. Agents want speed and few questions. Householders need plain explanations of terms like elevation and site plan.\n\n"
            "Next steps\n\n"
            "Extend the checks to listed building consent and prior approval, and publish the fee rules as open, reusable code."
        ),
    },
    {
        "key": "wiltshire-llc-spec",
        "title": "Local Land Charges data cleansing: specification",
        "text": (
            "Background\n\n"
            "We are preparing to move our Local Land Charges register to HM Land Registry's national digital register. Our register holds about 48,000 charges across paper records, a legacy database and spreadsheets.\n\n"
            "The work\n\n"
            "We need a supplier to digitise paper records, match charges to accurate spatial extents, remove duplicates and expired charges, and produce migration files in the format HM Land Registry requires.\n\n"
            "Quality\n\n"
            "At least 98% of charges must have a spatial extent that a council officer accepts on sample checking. The supplier must work to our information security policy and must not take original records off site.\n\n"
            "Budget\n\n"
            "Between £20,000 and £35,000. This is a below-threshold quotation."
        ),
    },
    {
        "key": "lambeth-ta-discovery",
        "title": "Temporary accommodation discovery: findings",
        "text": (
            "Who we spoke to\n\n"
            "We interviewed 28 households living in temporary accommodation, 15 housing officers, 4 accommodation providers and staff from 2 voluntary organisations.\n\n"
            "What households told us\n\n"
            "Not knowing what happens next was the biggest source of stress. Households did not know how long they would stay, who their officer was, or what they needed to do to move on. Many were placed far from schools and work.\n\n"
            "What officers told us\n\n"
            "Officers spent up to a third of their time answering calls asking for updates. Information about properties, such as repairs and inspection results, sat in spreadsheets held by different teams.\n\n"
            "Recommendations\n\n"
            "Test proactive text updates, a simple page showing a household's placement and named officer, and a shared record of property inspections."
        ),
    },
    {
        "key": "kent-admissions-brief",
        "title": "School admissions system: market engagement notice",
        "text": (
            "Purpose\n\n"
            "We intend to replace our school admissions and transport eligibility system. This notice invites suppliers to a market engagement session before we publish a tender notice under the Procurement Act 2023.\n\n"
            "Scope\n\n"
            "Coordinated admissions for primary, junior and secondary schools, in-year admissions, appeals administration and home to school transport eligibility.\n\n"
            "Our approach\n\n"
            "We plan to use the competitive flexible procedure, with a demonstration stage using real scenarios from parents. We will own the design of the parent-facing application and require open APIs.\n\n"
            "Timetable\n\n"
            "Market engagement in spring 2026, tender notice in autumn 2026, and a new system ready for the 2028 admissions round."
        ),
    },
]

CASE_STUDIES = [
    {
        "slug": "hackney-digital-housing-repairs",
        "title": "Digital housing repairs: report, book and track a repair online",
        "summary": "Hackney replaced a phone-only repairs line with an online housing repairs service built in the open. Tenants can now report, book and track a repair without calling. The service cost £640,000 over 2 years and saves £310,000 a year.",
        "organisations": ["HCK", "EXAMPLE-DIGITAL"],
        "service_areas": ["housing", "customer-services"],
        "tags": ["repairs", "housing", "open-source", "user-research", "dos"],
        "principles": [1, 2, 5],
        "date": "2023-06-14",
        "phase": "live",
        "problem": "<p>Tenants could only report a housing repair by phone. At peak times the average wait was 22 minutes and 1 in 5 calls was abandoned.</p><p>Call handlers typed each repair into the repairs system by hand. About 14% of jobs had the wrong trade or priority. That led to wasted visits and repeat calls.</p>",
        "approach": "<p>We ran a 10-week discovery with tenants, call handlers and repairs operatives. We then bought a multidisciplinary team through Digital Outcomes and Specialists for alpha and beta.</p><ul><li>We built the front end with the GOV.UK Design System and published the code under an open licence.</li><li>We created jobs in the repairs system through its API, so nobody rekeys a report.</li><li>We used a question tree, tested with tenants and operatives, to choose the right trade and priority.</li><li>We sent confirmations and appointment reminders with GOV.UK Notify.</li></ul>",
        "outcomes": [
            {
                "measure": "Repairs reported online",
                "before": "0%",
                "after": "46%",
                "note": "Share of all responsive repairs, 12 months after launch.",
            },
            {
                "measure": "Average time to report a repair",
                "before": "22 minutes",
                "after": "4 minutes",
                "note": "Phone wait plus call time, compared with the median online journey.",
            },
            {
                "measure": "Jobs raised with the wrong trade or priority",
                "before": "14%",
                "after": "5%",
                "note": "",
            },
            {
                "measure": "Visits where the operative could not get in",
                "before": "11%",
                "after": "7%",
                "note": "Text reminders are sent the day before the appointment.",
            },
        ],
        "total_cost": 640000,
        "annual_saving": 310000,
        "cost_notes": "Covers discovery, alpha and beta over 25 months: £412,000 supplier contract, £178,000 internal staff time and £50,000 API work by the repairs system supplier. Savings come from reduced call handling and fewer wasted visits, and are cashable from the second year.",
        "started": "2021-03-01",
        "finished": "2023-04-28",
        "partners": [
            "Example Digital Ltd (delivery partner for alpha and beta)",
            "Tenants' repairs panel",
            "Repairs system supplier (API work)",
        ],
        "lessons_learned": "<p>What we would tell another council:</p><ul><li>Get API access written into your repairs system contract before you start. We lost 8 weeks negotiating it.</li><li>Test the question tree with operatives, not just tenants. They spotted most of the wrong questions.</li><li>Keep the phone line. A third of tenants still prefer to call, and that is fine.</li><li>Publish your code early. Two councils asked to reuse it before we reached live.</li></ul>",
        "related_briefs": ["housing-repairs-online-service"],
        "related_business_cases": ["housing-repairs-digital-service"],
        "patterns_used": ["report-a-housing-repair"],
        "documents": ["hackney-repairs-brief", "hackney-repairs-obc"],
        "body": [
            ("heading", {"text": "What it cost and what it saved", "level": "h2"}),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "£640,000", "label": "total cost over 2 years"},
                        {"value": "£310,000", "label": "saved each year"},
                        {"value": "46%", "label": "of repairs now reported online"},
                        {"value": "25 months", "label": "payback period"},
                    ]
                },
            ),
            (
                "paragraph",
                "<p>The biggest saving came from call handling. Contact centre staff now spend more time on complex cases, such as damp and mould, where tenants need to talk to someone.</p>",
            ),
            (
                "quote",
                {
                    "quote": "I reported a leak at 11 at night and had a plumber booked before I went to bed. Before, I would have waited on hold the next morning.",
                    "attribution": "Tenant, user research session",
                },
            ),
            ("heading", {"text": "Reusing this work", "level": "h2"}),
            (
                "paragraph",
                "<p>The front end, the question tree and our statement of requirements are all published. Another council has already reused them. You will still need to build your own integration with your repairs system.</p>",
            ),
            (
                "callout",
                {
                    "text": "<p>The front-end code is published under the MIT licence. Contact the digital team if you want to reuse it.</p>"
                },
            ),
        ],
    },
    {
        "slug": "cardiff-reusing-housing-repairs-service",
        "title": "Reusing another council's housing repairs service, in Welsh and English",
        "summary": "Cardiff reused an open-source housing repairs front end and a published procurement brief. Reuse cut the build cost by about 40% compared with our first estimate, and the service works fully in Welsh and English.",
        "organisations": ["CRF", "HCK", "WLGA"],
        "service_areas": ["housing"],
        "tags": ["repairs", "housing", "open-source", "reuse", "welsh-language"],
        "principles": [1, 2, 5],
        "date": "2024-09-10",
        "phase": "beta",
        "problem": "<p>Council tenants in Cardiff reported housing repairs by phone or email. Emails arrived in a shared inbox and took up to 3 working days to log.</p><p>Under the Welsh Language Standards, any new online service must work equally well in Welsh and English.</p>",
        "approach": "<p>We started from another council's open-source repairs front end and its published statement of requirements, instead of writing our own from scratch.</p><ul><li>We adapted the brief and bought a small team through Digital Outcomes and Specialists.</li><li>We replaced the integration layer to fit our own repairs system.</li><li>Our in-house translation team translated every screen and notification. We tested both languages with tenants.</li></ul>",
        "outcomes": [
            {
                "measure": "Time to log an emailed repair",
                "before": "up to 3 working days",
                "after": "immediate",
                "note": "Online reports go straight to the repairs system.",
            },
            {
                "measure": "Repairs reported online",
                "before": "9% (by email)",
                "after": "31%",
                "note": "Private beta, first 6 months.",
            },
            {
                "measure": "Build cost compared with our first estimate",
                "before": "£520,000",
                "after": "£310,000",
                "note": "First estimate from our strategic outline case.",
            },
        ],
        "total_cost": 310000,
        "annual_saving": 145000,
        "cost_notes": "Supplier contract £228,000, internal staff time £62,000, and translation and Welsh-language testing £20,000.",
        "started": "2023-05-02",
        "finished": None,
        "partners": [
            "Demo Software Co-operative Ltd",
            "Hackney Council digital team (advice and code)",
            "Tenants' forum",
        ],
        "lessons_learned": "<ul><li>Reuse saved most on discovery and design. Integration still took as long as building new.</li><li>Plan Welsh-language content from the first sprint. Adding it late would have doubled the translation cost.</li><li>Talk to the original team. A one-hour call saved us weeks.</li></ul>",
        "related_briefs": ["housing-repairs-online-service"],
        "related_business_cases": ["housing-repairs-digital-service"],
        "patterns_used": ["report-a-housing-repair"],
        "documents": [],
        "body": [
            ("heading", {"text": "Working bilingually from the start", "level": "h2"}),
            (
                "paragraph",
                "<p>We wrote content in both languages side by side. Welsh-speaking tenants tested the Welsh version, not a translation of the English test script.</p><ul><li>Notifications go out in the language the tenant chose.</li><li>Trade names, such as plastering and glazing, were agreed with our translation team once and reused everywhere.</li></ul>",
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "£310,000", "label": "total cost to date"},
                        {"value": "40%", "label": "cheaper than building from scratch"},
                        {"value": "31%", "label": "of repairs reported online in beta"},
                    ]
                },
            ),
            (
                "quote",
                {
                    "quote": "We did not need to rediscover what tenants need from a repairs service. We needed to make it work for Cardiff.",
                    "attribution": "Service owner, housing repairs",
                },
            ),
        ],
    },
    {
        "slug": "stockport-missed-bin-reporting",
        "title": "Report a missed bin: fewer calls and fewer wasted return visits",
        "summary": "Stockport moved missed bin reports online, with a form that checks crew data in real time. Calls about missed bins fell by 52% and crews stopped returning for bins that were not put out.",
        "organisations": ["SKP", "SAMPLE-CLOUD"],
        "service_areas": ["waste-and-recycling", "customer-services"],
        "tags": ["bins", "g-cloud", "integration", "customer-portal", "user-research"],
        "principles": [1, 2],
        "date": "2022-11-03",
        "phase": "live",
        "problem": "<p>Missed bins were the largest single reason people called the council, with about 4,800 calls a month. In many cases the crew had already recorded that the bin was not out, but call handlers could not see that.</p>",
        "approach": "<p>We bought a waste services platform through G-Cloud and connected it to the in-cab devices in our collection vehicles.</p><ul><li>The online form checks the round status before it accepts a report.</li><li>If the crew recorded a problem, such as a blocked road or contaminated recycling, the form tells the resident straight away.</li><li>If the round is still running, the form asks the resident to check again after 6pm.</li><li>Valid reports go directly to the depot's work list.</li></ul>",
        "outcomes": [
            {
                "measure": "Calls about missed bins each month",
                "before": "4,800",
                "after": "2,300",
                "note": "Average over 6 months before and after launch.",
            },
            {
                "measure": "Missed bin reports made online",
                "before": "18%",
                "after": "71%",
                "note": "",
            },
            {
                "measure": "Return visits for bins not put out",
                "before": "about 900 a month",
                "after": "about 150 a month",
                "note": "Reports stopped by the round status check.",
            },
        ],
        "total_cost": 285000,
        "annual_saving": 190000,
        "cost_notes": "£195,000 platform licence and set-up over 3 years through G-Cloud, £60,000 in-cab integration and £30,000 internal project staff.",
        "started": "2021-06-01",
        "finished": "2022-09-30",
        "partners": ["Sample Cloud Services Ltd (platform)", "Waste operations team"],
        "lessons_learned": "<ul><li>In-cab data quality matters more than the form. We spent the first 2 months helping crews record exceptions consistently.</li><li>Tell people why their bin was missed. Residents were far less annoyed when the form said the road was blocked.</li><li>Do not launch in the same week as a round change.</li></ul>",
        "related_briefs": ["waste-services-digital-platform"],
        "related_business_cases": ["waste-services-platform"],
        "patterns_used": ["report-a-missed-bin-collection", "book-a-bulky-waste-collection"],
        "documents": ["stockport-waste-brief", "missed-bin-research"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "52%", "label": "fewer calls about missed bins"},
                        {"value": "71%", "label": "of reports now made online"},
                        {"value": "£190,000", "label": "saved each year"},
                    ]
                },
            ),
            ("heading", {"text": "Why the round status check matters", "level": "h2"}),
            (
                "paragraph",
                "<p>Before, every report triggered a return visit. Now the form stops reports for bins the crew recorded as not put out, and explains why. That one check removed about 750 wasted visits a month.</p>",
            ),
            (
                "quote",
                {
                    "quote": "The crews trust the system now because they can see their notes are being used.",
                    "attribution": "Waste operations manager",
                },
            ),
        ],
    },
    {
        "slug": "belfast-bulky-waste-booking",
        "title": "Book and pay for a bulky waste collection online",
        "summary": "Belfast City Council replaced phone bookings for bulky waste with an online booking and payment service. 68% of bookings are now made online and failed collections have halved.",
        "organisations": ["BFS"],
        "service_areas": ["waste-and-recycling", "customer-services"],
        "tags": ["bins", "payments", "customer-portal", "low-code"],
        "principles": [1, 2],
        "date": "2023-02-20",
        "phase": "live",
        "problem": "<p>Residents booked bulky collections by phone and paid by card over the phone. Call handlers read out available dates from a spreadsheet. Double bookings were common. About 12% of collections failed because items were not out, or were not what had been booked.</p>",
        "approach": "<p>We compared buying a waste platform through G-Cloud, using another council's published brief, with building on the low-code platform we already had. Building was cheaper for us because we only needed bulky waste bookings. We reused the address lookup and confirmation steps from our missed bin form.</p><ul><li>Residents pick items from a list and the service works out the price and the number of slots needed.</li><li>The service shows real collection dates from round capacity, not a spreadsheet.</li><li>Payment uses our existing card payment provider. The receipt includes a photo guide to what to put out and where.</li></ul>",
        "outcomes": [
            {
                "measure": "Bookings made online",
                "before": "0%",
                "after": "68%",
                "note": "First 12 months.",
            },
            {"measure": "Failed collections", "before": "12%", "after": "6%", "note": ""},
            {
                "measure": "Average length of a booking call",
                "before": "9 minutes",
                "after": "6 minutes",
                "note": "Remaining calls are mostly assisted bookings.",
            },
        ],
        "total_cost": 96000,
        "annual_saving": 74000,
        "cost_notes": "Internal low-code developer and designer time over 7 months, plus £8,000 for payment integration. No new licence cost, because we used our existing low-code platform.",
        "started": "2022-04-04",
        "finished": "2022-11-01",
        "partners": ["Digital services team", "Cleansing services"],
        "lessons_learned": "<ul><li>Photos of what to put out did more to reduce failed collections than any change to the wording.</li><li>Keep an assisted route for people who cannot move items themselves. The phone line now handles these.</li><li>Price by item, not by weight. Residents cannot weigh a sofa.</li></ul>",
        "related_briefs": [],
        "related_business_cases": [],
        "patterns_used": ["book-a-bulky-waste-collection", "report-a-missed-bin-collection"],
        "documents": [],
        "body": [
            ("heading", {"text": "Results after 12 months", "level": "h2"}),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "68%", "label": "of bookings made online"},
                        {"value": "50%", "label": "fewer failed collections"},
                        {"value": "£96,000", "label": "total cost"},
                    ]
                },
            ),
            (
                "paragraph",
                "<p>We built the service in 7 months with 2 developers and a designer. Using the low-code platform we already had meant no new procurement.</p>",
            ),
        ],
    },
    {
        "slug": "south-somerset-garden-waste-subscriptions",
        "title": "Garden waste subscriptions: from paper stickers to online renewals",
        "summary": "South Somerset District Council moved garden waste subscriptions online, with automatic renewal reminders. 84% of subscribers renewed online and admin costs fell by £41,000 a year, before the council was replaced in 2023.",
        "organisations": ["SSO", "MEN"],
        "service_areas": ["waste-and-recycling"],
        "tags": ["garden-waste", "payments", "gov-uk-notify", "automation", "bins"],
        "principles": [1, 2, 5],
        "date": "2021-10-18",
        "phase": "live",
        "problem": "<p>About 29,000 households paid each year for garden waste collection. Most renewed by phone or post, then waited for a paper sticker to arrive in the post.</p><p>The spring renewal rush needed 3 temporary staff for 8 weeks. Stickers often arrived after the first collection.</p>",
        "approach": "<p>We built an online subscription that takes payment and sends the permit number straight to the crews' in-cab devices. Crews no longer need to see a sticker.</p><ul><li>Renewal reminders go by email and text through GOV.UK Notify.</li><li>Residents can pay for a second bin in the same transaction.</li><li>We shared the design with a neighbouring district that used the same waste contractor.</li></ul>",
        "outcomes": [
            {
                "measure": "Renewals made online",
                "before": "37%",
                "after": "84%",
                "note": "2021 renewal season.",
            },
            {
                "measure": "Temporary staff needed for renewals",
                "before": "3 for 8 weeks",
                "after": "none",
                "note": "",
            },
            {
                "measure": "Subscribing households",
                "before": "29,100",
                "after": "31,400",
                "note": "Some growth may reflect a dry spring.",
            },
        ],
        "total_cost": 58000,
        "annual_saving": 41000,
        "cost_notes": "Internal development on our existing forms platform, plus £12,000 for integration with the waste contractor's in-cab devices. Savings include printing and posting stickers.",
        "started": "2020-09-01",
        "finished": "2021-04-30",
        "partners": ["Mendip District Council (shared learning)", "Waste collection contractor"],
        "lessons_learned": "<ul><li>Drop the sticker. It was the most expensive part of the old process and nobody missed it.</li><li>Send the first reminder 3 weeks before renewal, not 1 week.</li><li>Publish your work before reorganisation. Work that is not written down is lost when councils merge.</li></ul>",
        "related_briefs": [],
        "related_business_cases": ["garden-waste-online-subscriptions"],
        "patterns_used": ["subscribe-to-garden-waste"],
        "documents": [],
        "body": [
            (
                "callout",
                {
                    "text": "<p>South Somerset District Council and Mendip District Council were replaced by Somerset Council on 1 April 2023. This case study stays attributed to the councils that did the work.</p>"
                },
            ),
            ("heading", {"text": "Why we dropped the sticker", "level": "h2"}),
            (
                "paragraph",
                "<p>Printing, posting and reissuing lost stickers cost more than £14,000 a year. Crews can check the permit on their in-cab device, so the sticker added nothing.</p>",
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "84%", "label": "renewed online"},
                        {"value": "£41,000", "label": "saved each year"},
                        {"value": "17 months", "label": "payback period"},
                    ]
                },
            ),
        ],
    },
    {
        "slug": "manchester-single-person-discount-review",
        "title": "Council tax single person discount: an online application and a data-led review",
        "summary": "Manchester redesigned its single person discount application and used data matching to review existing discounts. Processing time fell from 11 days to 2, and the review removed about 4,100 incorrect discounts.",
        "organisations": ["MAN"],
        "service_areas": ["council-tax-and-benefits"],
        "tags": ["council-tax", "data-sharing", "forms", "automation"],
        "principles": [1, 3],
        "date": "2024-03-05",
        "phase": "live",
        "problem": "<p>About 1 in 3 households in the city received the 25% single person discount. The application was a PDF form. Staff rekeyed every one, and in spring the backlog often reached 3 weeks.</p><p>The last full review of existing discounts was 4 years earlier. Internal audit estimated that up to 6% of discounts might be wrong.</p>",
        "approach": "<p>We did 2 things at once.</p><ul><li>We replaced the PDF with an online form. It checks the address against the council tax record and posts the application straight into the revenues system.</li><li>We reviewed existing discounts by matching council tax records with the electoral register and a credit reference agency data set. We wrote to households flagged by the match, with a simple online way to confirm they still qualify.</li></ul><p>We completed a data protection impact assessment before any matching started.</p>",
        "outcomes": [
            {
                "measure": "Average time to process an application",
                "before": "11 days",
                "after": "2 days",
                "note": "",
            },
            {
                "measure": "Incorrect discounts removed",
                "before": "",
                "after": "about 4,100",
                "note": "From 9,800 households flagged and contacted.",
            },
            {
                "measure": "Extra council tax billed in the first year",
                "before": "",
                "after": "£1.8 million",
                "note": "Includes the police and fire precepts.",
            },
        ],
        "total_cost": 135000,
        "annual_saving": 96000,
        "cost_notes": "£82,000 for the online form and integration, £38,000 for data matching and letters, and £15,000 staff time for the data protection impact assessment and appeals. The annual saving is processing time only. Extra council tax income is reported separately.",
        "started": "2023-01-09",
        "finished": "2023-11-30",
        "partners": ["Revenues and benefits service", "Credit reference agency (data matching)"],
        "lessons_learned": "<ul><li>Write to people in plain English. Our first letter caused complaints. The rewritten letter halved the calls.</li><li>Make it easy to say you still qualify. Most flagged households did.</li><li>Run the review in autumn, well away from annual billing.</li></ul>",
        "related_briefs": [],
        "related_business_cases": [],
        "patterns_used": ["apply-for-single-person-discount"],
        "documents": [],
        "body": [
            ("heading", {"text": "Treating people fairly in a review", "level": "h2"}),
            (
                "paragraph",
                "<p>A data match is a reason to ask, not proof. We never removed a discount on the match alone.</p><ul><li>We gave people 28 days to reply.</li><li>We phoned people who did not reply before removing a discount.</li><li>We explained how to appeal in every letter.</li></ul>",
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "2 days", "label": "to process an application, down from 11"},
                        {"value": "4,100", "label": "incorrect discounts removed"},
                        {"value": "£1.8m", "label": "extra council tax billed"},
                    ]
                },
            ),
        ],
    },
    {
        "slug": "north-yorkshire-revenues-benefits-cloud-migration",
        "title": "Moving revenues and benefits to the cloud after reorganisation",
        "summary": "North Yorkshire Council merged the revenues and benefits systems it inherited from 8 former councils into one cloud-hosted system. The migration covered 290,000 council tax accounts and saves £1.2 million a year.",
        "organisations": ["NYE", "HAG", "SAMPLE-CLOUD"],
        "service_areas": ["council-tax-and-benefits", "technology-and-data"],
        "tags": ["cloud-migration", "council-tax", "data-migration", "shared-service"],
        "principles": [2, 4],
        "date": "2025-05-21",
        "phase": "live",
        "problem": "<p>On 1 April 2023 North Yorkshire Council replaced the county council and 7 district councils. It inherited 4 different revenues and benefits systems. Three were hosted in district data centres that were due to close.</p><p>Staff in different areas used different processes for the same work, which made cover and training hard.</p>",
        "approach": "<p>We chose one system and moved it to a supplier-hosted cloud service. We then migrated the other areas' data in 3 waves, timed around annual billing.</p><ul><li>We cleansed data before each wave. This found 6,200 duplicate or dormant accounts.</li><li>We ran parallel billing for each wave and only switched off old systems after reconciliation.</li><li>We agreed one set of processes with staff from all the former councils before the first wave.</li></ul>",
        "outcomes": [
            {"measure": "Revenues and benefits systems", "before": "4", "after": "1", "note": ""},
            {
                "measure": "Annual licence and hosting costs",
                "before": "£2.9 million",
                "after": "£1.7 million",
                "note": "Includes data centre costs from the former districts.",
            },
            {
                "measure": "Council tax accounts migrated",
                "before": "",
                "after": "290,000",
                "note": "Across 3 migration waves.",
            },
            {
                "measure": "In-year council tax collection rate",
                "before": "97.6%",
                "after": "97.8%",
                "note": "Collection held steady through migration.",
            },
        ],
        "total_cost": 3400000,
        "annual_saving": 1200000,
        "cost_notes": "£2.1 million for supplier migration services and the first 2 years of hosting, £850,000 for backfill and project staff, and £450,000 for data cleansing and parallel running. Partly funded from the reorganisation transition budget.",
        "started": "2023-07-03",
        "finished": "2025-03-31",
        "partners": [
            "Sample Cloud Services Ltd (hosting)",
            "Revenues and benefits system supplier",
            "Revenues teams from the former district councils",
        ],
        "lessons_learned": "<ul><li>Cleanse data before migration, not during it.</li><li>Protect annual billing. We moved the second wave by 6 weeks to keep it clear of billing.</li><li>Agree processes before systems. Moving 4 ways of working into one system would have failed.</li><li>Keep former council staff involved. They knew where the data problems were.</li></ul>",
        "related_briefs": ["revenues-benefits-cloud-hosting"],
        "related_business_cases": ["revenues-benefits-cloud-migration"],
        "patterns_used": ["apply-for-single-person-discount"],
        "documents": ["nye-revs-bens-fbc"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "£3.4m", "label": "one-off cost"},
                        {"value": "£1.2m", "label": "saved each year"},
                        {"value": "290,000", "label": "council tax accounts migrated"},
                        {"value": "34 months", "label": "payback period"},
                    ]
                },
            ),
            ("heading", {"text": "How we planned the waves", "level": "h2"}),
            (
                "paragraph",
                "<p>Each wave took about 5 months: 8 weeks of data cleansing, 6 weeks of trial loads, 4 weeks of parallel running and 2 weeks of reconciliation. No wave went live between January and March.</p>",
            ),
            (
                "quote",
                {
                    "quote": "The technology was the easy part. Agreeing one way of doing things across 8 former councils took the most time.",
                    "attribution": "Head of revenues and benefits",
                },
            ),
        ],
    },
    {
        "slug": "wirral-contact-centre-chatbot",
        "title": "A chatbot for the contact centre: what it can and cannot do",
        "summary": "Wirral tested a chatbot that answers common questions on council tax, bins and parking. It now handles about 9,000 conversations a month, and 38% end without the person needing to call.",
        "organisations": ["WRL"],
        "service_areas": ["customer-services", "technology-and-data"],
        "tags": ["chatbot", "g-cloud", "user-research", "accessibility"],
        "principles": [1, 4],
        "date": "2024-07-02",
        "phase": "beta",
        "problem": "<p>The contact centre answered about 45,000 calls a month. Around 40% were simple questions already answered on the website, such as bin days and council tax payment dates. In January, waits often passed 20 minutes.</p>",
        "approach": "<p>We bought a chatbot platform through G-Cloud on a 2-year contract. We limited it to 12 topics where the answers are factual and our web content was good.</p><ul><li>The chatbot answers only from approved council content and links to the source page.</li><li>It offers a handover to an adviser during opening hours.</li><li>We tested it with screen reader users and fixed keyboard and focus problems before launch.</li><li>We review 200 conversations every week and rewrite web pages that cause confusion.</li></ul>",
        "outcomes": [
            {
                "measure": "Chatbot conversations each month",
                "before": "0",
                "after": "9,000",
                "note": "Average for months 4 to 9.",
            },
            {
                "measure": "Conversations resolved without a call or handover",
                "before": "",
                "after": "38%",
                "note": "No call from the same person within 48 hours.",
            },
            {
                "measure": "Average wait time in January",
                "before": "21 minutes",
                "after": "14 minutes",
                "note": "Other changes also affected wait times.",
            },
        ],
        "total_cost": 180000,
        "annual_saving": 120000,
        "cost_notes": "£112,000 platform licence for 2 years, £38,000 set-up and integration, and £30,000 content design time. The saving is based on calls avoided at £3.40 a call and is not yet fully cashable.",
        "started": "2023-09-04",
        "finished": None,
        "partners": ["Example Assist Ltd (chatbot platform)", "Customer services advisers"],
        "lessons_learned": "<ul><li>A chatbot is only as good as your web content. Half our effort went into rewriting pages.</li><li>Keep the scope small. We switched off 2 topics, including benefits, where answers depend on personal circumstances.</li><li>Say it is a bot. Users trusted it more when it said so at the start.</li></ul>",
        "related_briefs": ["contact-centre-chatbot"],
        "related_business_cases": ["contact-centre-chatbot"],
        "patterns_used": ["report-a-missed-bin-collection"],
        "documents": ["wirral-chatbot-evaluation"],
        "body": [
            ("heading", {"text": "Topics the chatbot covers", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Bin collection days and missed bins</li><li>Council tax payment dates and how to pay</li><li>Paying or challenging a parking fine</li><li>Opening times for recycling centres and libraries</li></ul>",
            ),
            (
                "callout",
                {
                    "text": "<p>The chatbot does not give advice on benefits, council tax support or social care. It hands these conversations to an adviser.</p>"
                },
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "9,000", "label": "conversations a month"},
                        {"value": "38%", "label": "resolved without a call"},
                        {"value": "£180,000", "label": "total cost over 2 years"},
                    ]
                },
            ),
        ],
    },
    {
        "slug": "leeds-open-source-website-platform",
        "title": "Moving the council website to a shared open-source platform",
        "summary": "Leeds moved its website to an open-source Drupal platform shared by councils and first built with Local Digital Fund support. Licence and hosting costs fell by 60% and accessibility failures fell from 140 to 6.",
        "organisations": ["LDS", "DEMO-COOP"],
        "service_areas": ["technology-and-data", "customer-services"],
        "tags": ["open-source", "accessibility", "local-digital-fund", "reuse", "dos"],
        "principles": [2, 5],
        "date": "2024-02-12",
        "phase": "live",
        "problem": "<p>Our website ran on a proprietary content management system. The licence cost £95,000 a year and every new feature needed a change request to the supplier.</p><p>An accessibility audit found 140 failures against WCAG 2.1 AA, many in page templates we could not change.</p>",
        "approach": "<p>We joined the councils using LocalGov Drupal, an open-source platform first built with Local Digital Fund support. We bought a delivery partner through Digital Outcomes and Specialists to help us migrate.</p><ul><li>We audited 4,200 pages and removed 2,600 out-of-date or duplicate pages before moving anything.</li><li>We contributed 3 features back to the shared code, including a step-by-step navigation component.</li><li>We trained 40 web publishers in writing for the web.</li></ul>",
        "outcomes": [
            {
                "measure": "Annual licence and hosting cost",
                "before": "£135,000",
                "after": "£54,000",
                "note": "Hosting is now on a shared platform contract.",
            },
            {"measure": "Pages on the website", "before": "4,200", "after": "1,600", "note": ""},
            {
                "measure": "Accessibility failures in audit",
                "before": "140",
                "after": "6",
                "note": "Remaining issues are in third-party embedded forms.",
            },
            {
                "measure": "Visitors who found what they needed",
                "before": "54%",
                "after": "71%",
                "note": "On-page survey.",
            },
        ],
        "total_cost": 420000,
        "annual_saving": 81000,
        "cost_notes": "£265,000 delivery partner through Digital Outcomes and Specialists, £110,000 internal content and project staff, and £45,000 hosting set-up and transition. Local Digital Fund money paid for shared features in earlier rounds, not for our migration.",
        "started": "2022-10-03",
        "finished": "2023-11-20",
        "partners": ["Demo Software Co-operative Ltd", "Councils in the LocalGov Drupal community"],
        "lessons_learned": "<ul><li>Delete before you migrate. Content took far more time than code.</li><li>Contributing back costs a little more at first. Then the next council pays less, and so do you when they improve it.</li><li>Budget for embedded third-party forms. They were our biggest remaining accessibility problem.</li></ul>",
        "related_briefs": ["open-source-website-platform"],
        "related_business_cases": ["shared-website-platform"],
        "patterns_used": [],
        "documents": ["website-platform-soc"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "60%", "label": "lower licence and hosting costs"},
                        {"value": "2,600", "label": "pages removed"},
                        {"value": "3", "label": "features contributed back"},
                    ]
                },
            ),
            ("heading", {"text": "What we contributed back", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>A step-by-step navigation component for multi-page guides</li><li>Improvements to the directory of local services</li><li>Better alternative text prompts for editors</li></ul><p>Other councils on the platform got these features at no extra cost.</p>",
            ),
            (
                "quote",
                {
                    "quote": "For the first time we can fix our own templates. That is what made the accessibility work possible.",
                    "attribution": "Head of digital",
                },
            ),
        ],
    },
    {
        "slug": "kirklees-early-help-data-sharing",
        "title": "Sharing data safely to offer early help sooner",
        "summary": "Kirklees built a shared view of which services already support a family, using council, school and health data. Early help workers now contact families 3 weeks sooner on average.",
        "organisations": ["KIR"],
        "service_areas": ["children-and-families", "technology-and-data"],
        "tags": ["data-sharing", "early-help", "user-research", "data-protection", "dos"],
        "principles": [3, 1],
        "date": "2023-10-09",
        "phase": "beta",
        "problem": "<p>Early help workers checked up to 7 systems to understand a family's situation. Information from schools and health visitors often arrived by email weeks after a concern was raised. By the time a family was offered help, problems had often grown.</p>",
        "approach": "<p>We started with a discovery involving families, early help workers, schools and health partners. We agreed a data sharing agreement and completed a data protection impact assessment before building anything.</p><ul><li>We built a simple shared record that shows which services already know a family, not full case notes.</li><li>Workers see more detail only when they have a legitimate reason, and every view is logged.</li><li>We used the Supporting Families outcomes framework to choose which indicators to share.</li></ul>",
        "outcomes": [
            {
                "measure": "Average time from first concern to early help offer",
                "before": "6 weeks",
                "after": "3 weeks",
                "note": "Beta areas only.",
            },
            {
                "measure": "Systems checked for a new referral",
                "before": "up to 7",
                "after": "1 or 2",
                "note": "",
            },
            {
                "measure": "Families who said they had to repeat their story",
                "before": "64%",
                "after": "35%",
                "note": "Small survey of 85 families.",
            },
        ],
        "total_cost": 520000,
        "annual_saving": None,
        "cost_notes": "Discovery, alpha and beta over 2 years: £360,000 supplier contracts and £160,000 internal staff, including information governance. We have not claimed a cashable saving. The benefit is earlier support for families.",
        "started": "2021-11-01",
        "finished": None,
        "partners": [
            "Local NHS integrated care board",
            "Schools in the beta areas",
            "Example Digital Ltd (discovery, alpha and beta)",
        ],
        "lessons_learned": "<ul><li>Bring information governance staff in from day one. They became our strongest supporters.</li><li>Show who is involved, not what is in their notes. That was enough for most decisions and much easier to agree.</li><li>Explain the sharing to families in plain English. We tested the privacy notice with parents.</li></ul>",
        "related_briefs": ["early-help-data-sharing-discovery"],
        "related_business_cases": ["early-help-data-sharing"],
        "patterns_used": [],
        "documents": ["kirklees-early-help-dpia"],
        "body": [
            ("heading", {"text": "What the shared view shows", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Which services are working with the family, and a contact for each</li><li>School attendance bands, not daily records</li><li>Whether a health visitor or school nurse is involved</li></ul><p>It does not show case notes, diagnoses or police intelligence.</p>",
            ),
            (
                "quote",
                {
                    "quote": "I used to spend the first hour of a referral finding out who else was involved. Now I can phone the right person straight away.",
                    "attribution": "Early help practitioner",
                },
            ),
            (
                "callout",
                {
                    "text": "<p>Our data protection impact assessment summary is attached. Other councils are welcome to adapt it.</p>"
                },
            ),
        ],
    },
    {
        "slug": "durham-adult-social-care-financial-assessment",
        "title": "Online financial assessment for adult social care",
        "summary": "Durham launched an online financial assessment so people can find out what they may pay towards their care before a visit. Assessments now take 9 days instead of 26, and 41% start online.",
        "organisations": ["DUR", "EXAMPLE-DIGITAL"],
        "service_areas": ["adult-social-care", "finance-and-procurement"],
        "tags": ["adult-social-care", "forms", "g-cloud", "accessibility", "user-research"],
        "principles": [1, 2],
        "date": "2025-01-28",
        "phase": "live",
        "problem": "<p>Everyone who receives care and support from the council has a financial assessment under the Care Act 2014. People waited an average of 26 days for an assessment visit.</p><p>Many did not know what to expect. About 30% of visits needed a second visit because paperwork was missing.</p>",
        "approach": "<p>We bought a financial assessment calculator through G-Cloud and designed the online journey around it.</p><ul><li>Anyone can get a quick estimate without signing in, to see roughly what they may pay.</li><li>A family member or carer can complete the full assessment on someone's behalf.</li><li>People upload evidence, such as pension statements, instead of waiting for a visit.</li><li>We still offer a visit to anyone who wants one.</li></ul>",
        "outcomes": [
            {
                "measure": "Average time to complete a financial assessment",
                "before": "26 days",
                "after": "9 days",
                "note": "",
            },
            {
                "measure": "Assessments started online",
                "before": "0%",
                "after": "41%",
                "note": "Including those completed by family members.",
            },
            {
                "measure": "Visits needing a second visit",
                "before": "30%",
                "after": "12%",
                "note": "",
            },
        ],
        "total_cost": 260000,
        "annual_saving": 175000,
        "cost_notes": "£150,000 calculator licence for 3 years through G-Cloud, £70,000 integration with the social care case management system, and £40,000 internal design and research.",
        "started": "2023-08-01",
        "finished": "2024-10-31",
        "partners": ["Example Digital Ltd (calculator)", "Local carers' support organisation"],
        "lessons_learned": "<ul><li>The quick estimate was the most valued feature. People want to know what they will pay before they decide.</li><li>Design for the person helping, not just the person receiving care. Most online assessments were completed by a son or daughter.</li><li>Test with older users on their own devices, including large text settings.</li></ul>",
        "related_briefs": ["financial-assessment-calculator"],
        "related_business_cases": ["online-financial-assessment"],
        "patterns_used": ["adult-social-care-financial-assessment"],
        "documents": ["durham-fa-requirements"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "9 days", "label": "average assessment time, down from 26"},
                        {"value": "41%", "label": "of assessments started online"},
                        {"value": "£175,000", "label": "saved each year"},
                    ]
                },
            ),
            ("heading", {"text": "Keeping a visit for those who need it", "level": "h2"}),
            (
                "paragraph",
                "<p>The online route frees officers to spend more time with people who need a visit, such as people with dementia or complex finances. Visits are now booked within 10 days, not 26.</p>",
            ),
            (
                "quote",
                {
                    "quote": "I did my mum's assessment on a Sunday evening with all her paperwork in front of me. It took 40 minutes.",
                    "attribution": "Family carer",
                },
            ),
        ],
    },
    {
        "slug": "glasgow-blue-badge-applications",
        "title": "Blue Badge applications: faster decisions with less evidence chasing",
        "summary": "Glasgow redesigned its Blue Badge application so people only give evidence the council cannot check itself. Decisions now take 3 weeks instead of 10, and incomplete applications fell from 45% to 15%.",
        "organisations": ["GLG", "COSLA"],
        "service_areas": ["adult-social-care", "parking"],
        "tags": ["blue-badge", "forms", "user-research", "accessibility", "data-sharing"],
        "principles": [1, 3],
        "date": "2022-05-30",
        "phase": "live",
        "problem": "<p>Glasgow receives about 20,000 Blue Badge applications and renewals a year. Nearly half arrived incomplete, usually missing proof of identity or eligibility.</p><p>Staff spent most of their time chasing evidence. Decisions took up to 10 weeks.</p>",
        "approach": "<p>We listed every piece of evidence we asked for and checked which of it we could confirm ourselves.</p><ul><li>For people who get a qualifying benefit, we check eligibility through an existing data sharing service instead of asking for a letter.</li><li>Renewals reuse the photo and details from the last application if nothing has changed.</li><li>The form explains in plain English which route applies, before the person starts.</li><li>Applications go straight into the national Blue Badge system.</li></ul>",
        "outcomes": [
            {
                "measure": "Average time to a decision",
                "before": "10 weeks",
                "after": "3 weeks",
                "note": "",
            },
            {
                "measure": "Applications arriving incomplete",
                "before": "45%",
                "after": "15%",
                "note": "",
            },
            {"measure": "Applications made online", "before": "52%", "after": "78%", "note": ""},
        ],
        "total_cost": 118000,
        "annual_saving": 88000,
        "cost_notes": "Internal design and development, £24,000 for user research with disabled people's organisations, and £16,000 integration work.",
        "started": "2021-02-01",
        "finished": "2022-03-31",
        "partners": ["Local disabled people's organisations", "Social work services"],
        "lessons_learned": "<ul><li>Ask for evidence only when you cannot check it yourself.</li><li>Photos cause more incomplete applications than anything else. Show examples of good photos.</li><li>Involve disabled people's organisations in testing. They found problems we had missed.</li></ul>",
        "related_briefs": [],
        "related_business_cases": ["blue-badge-online-service"],
        "patterns_used": ["apply-for-a-blue-badge"],
        "documents": ["glasgow-blue-badge-research"],
        "body": [
            ("heading", {"text": "Results", "level": "h2"}),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "3 weeks", "label": "to a decision, down from 10"},
                        {"value": "15%", "label": "of applications incomplete, down from 45%"},
                        {"value": "78%", "label": "of applications made online"},
                    ]
                },
            ),
            (
                "quote",
                {
                    "quote": "Last time I sent my whole folder of letters. This time it asked for 2 things, and I had my badge in 3 weeks.",
                    "attribution": "Blue Badge holder",
                },
            ),
        ],
    },
    {
        "slug": "islington-parking-permits",
        "title": "Resident parking permits: virtual permits and instant approval",
        "summary": "Islington replaced paper parking permits with virtual permits linked to the vehicle registration. 88% of permits are now approved instantly and the council no longer posts 60,000 paper permits a year.",
        "organisations": ["ISL"],
        "service_areas": ["parking"],
        "tags": ["parking", "payments", "customer-portal", "api", "data-sharing"],
        "principles": [1, 2],
        "date": "2021-08-16",
        "phase": "live",
        "problem": "<p>Residents applied for parking permits by post or in person, with paper proof of address and vehicle ownership. Paper permits were posted out, often lost and easy to copy. Processing took up to 10 working days.</p>",
        "approach": "<p>We moved to virtual permits. Civil enforcement officers check them on their handheld devices using the vehicle registration.</p><ul><li>We check proof of address against council tax records, with the resident's consent.</li><li>We check vehicle details with the DVLA vehicle enquiry service.</li><li>The permit price depends on vehicle emissions and is worked out automatically.</li><li>Residents can change the vehicle on their permit online in minutes.</li></ul>",
        "outcomes": [
            {
                "measure": "Permits approved instantly",
                "before": "0%",
                "after": "88%",
                "note": "The rest need a manual check, usually for company or lease cars.",
            },
            {
                "measure": "Paper permits posted each year",
                "before": "60,000",
                "after": "0",
                "note": "",
            },
            {
                "measure": "Average time to issue a permit",
                "before": "10 working days",
                "after": "same day",
                "note": "",
            },
        ],
        "total_cost": 390000,
        "annual_saving": 230000,
        "cost_notes": "£260,000 for the permit system and integrations, £80,000 for new handheld software and £50,000 internal project staff. Savings are from printing, postage and processing staff.",
        "started": "2020-01-13",
        "finished": "2021-06-30",
        "partners": ["Parking services", "Permit system supplier"],
        "lessons_learned": "<ul><li>Residents worried that a virtual permit would not be seen. A clear confirmation and a page to check your permit solved this.</li><li>Lease and company cars need a manual route. Plan for it.</li><li>Warn enforcement officers about the switch date well ahead.</li></ul>",
        "related_briefs": [],
        "related_business_cases": [],
        "patterns_used": ["apply-for-a-parking-permit"],
        "documents": [],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "88%", "label": "of permits approved instantly"},
                        {"value": "60,000", "label": "paper permits no longer posted each year"},
                        {"value": "£230,000", "label": "saved each year"},
                    ]
                },
            ),
            ("heading", {"text": "Checking evidence without paper", "level": "h2"}),
            (
                "paragraph",
                "<p>Most residents already pay council tax at the address they give. With their consent, we check that record instead of asking for a bill or tenancy agreement. We ask for documents only when the check fails.</p>",
            ),
        ],
    },
    {
        "slug": "kent-school-admissions-online",
        "title": "School admissions: a clearer online application for parents",
        "summary": "Kent redesigned its online school admissions application with parents, and added data on past offers next to each school. Calls during the application window fell by 30% and late applications fell by a quarter.",
        "organisations": ["KEN"],
        "service_areas": ["education-and-skills"],
        "tags": ["school-admissions", "user-research", "forms", "accessibility"],
        "principles": [1],
        "date": "2020-06-22",
        "phase": "live",
        "problem": "<p>Each year about 17,000 families apply for a secondary school place and 18,000 for a primary school place. Parents found catchment areas and oversubscription criteria hard to follow.</p><p>The contact centre received over 9,000 calls during the application window.</p>",
        "approach": "<p>We tested the application with parents over 3 months, including parents with English as an additional language and parents of children with special educational needs.</p><ul><li>We show each school's past offer data, such as the distance of the last place offered, next to each preference.</li><li>We explain that ranking schools honestly cannot reduce a child's chances.</li><li>We send reminders by email and text before the closing date.</li></ul>",
        "outcomes": [
            {
                "measure": "Calls during the application window",
                "before": "9,200",
                "after": "6,400",
                "note": "",
            },
            {
                "measure": "Late applications",
                "before": "1,150",
                "after": "860",
                "note": "Secondary round.",
            },
            {"measure": "Applications made online", "before": "93%", "after": "97%", "note": ""},
        ],
        "total_cost": 145000,
        "annual_saving": 60000,
        "cost_notes": "Design and research £85,000, changes to the admissions system £45,000 and reminders £15,000 over 2 years.",
        "started": "2019-03-04",
        "finished": "2020-02-28",
        "partners": ["Admissions and transport team", "Parent carer forum"],
        "lessons_learned": "<ul><li>Parents want data, not rules. Showing past offers answered most questions.</li><li>Explain preference ranking early. It is the most common misunderstanding.</li><li>Test with parents using phones. Most applications are made on a phone.</li></ul>",
        "related_briefs": [],
        "related_business_cases": ["school-admissions-system-replacement"],
        "patterns_used": ["apply-for-a-school-place"],
        "documents": [],
        "body": [
            ("heading", {"text": "What parents told us", "level": "h2"}),
            (
                "paragraph",
                "<p>Most parents did not understand that they should rank schools in their real order of preference. Many thought putting a popular school first would waste a preference.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Seeing how far away the last child offered a place lived told me more than the whole admissions booklet.",
                    "attribution": "Parent, usability testing",
                },
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "30%", "label": "fewer calls"},
                        {"value": "25%", "label": "fewer late applications"},
                    ]
                },
            ),
        ],
    },
    {
        "slug": "barnet-planning-application-validation",
        "title": "Checking planning applications before they are submitted",
        "summary": "Barnet and 2 partner councils tested a tool that checks householder planning applications for common errors before submission. In the pilot, invalid applications fell from 52% to 31%. The Local Digital Fund paid for the work.",
        "organisations": ["BNE", "BUC", "DNC", "MHCLG"],
        "service_areas": ["planning-and-building-control"],
        "tags": ["planning", "local-digital-fund", "open-source", "automation", "reuse"],
        "principles": [1, 2, 5],
        "date": "2021-12-07",
        "phase": "alpha",
        "problem": "<p>About half of all planning applications were invalid when first submitted. Common reasons were a missing location plan, the wrong fee, or a red line boundary that did not match the site.</p><p>Each invalid application added about 2 weeks and needed an officer to write to the applicant.</p>",
        "approach": "<p>We formed a small group of councils and bid to the Local Digital Fund. Working in the open, we built an alpha that:</p><ul><li>lets people draw the site boundary on a map and checks it against the title boundary</li><li>works out the correct fee from the answers given</li><li>lists the documents needed for that type of application and checks they have been uploaded</li></ul><p>We published weekly notes and all our code under an open licence.</p>",
        "outcomes": [
            {
                "measure": "Applications invalid on first submission",
                "before": "52%",
                "after": "31%",
                "note": "Pilot of 380 householder applications across 3 councils.",
            },
            {
                "measure": "Time from submission to validation",
                "before": "15 days",
                "after": "6 days",
                "note": "Pilot applications only.",
            },
            {
                "measure": "Officer time spent on invalid applications",
                "before": "",
                "after": "down 40%",
                "note": "Estimate from time recording in 2 councils.",
            },
        ],
        "total_cost": 410000,
        "annual_saving": None,
        "cost_notes": "Local Digital Fund grant of £350,000 shared between 3 councils, plus about £60,000 of staff time contributed by the councils. Savings depend on wider rollout, so we have not claimed one yet.",
        "started": "2020-10-01",
        "finished": "2021-10-29",
        "partners": ["Buckinghamshire Council", "Doncaster Council", "Example Digital Ltd"],
        "lessons_learned": "<ul><li>Agents and householders need different help. Agents want speed. Householders need plain explanations of terms like elevation.</li><li>Fee rules are harder than they look. Publish them as code so every council benefits.</li><li>Weekly notes kept 3 councils aligned with little effort.</li></ul>",
        "related_briefs": ["planning-validation-alpha"],
        "related_business_cases": ["planning-validation-rollout"],
        "patterns_used": ["submit-a-planning-application"],
        "documents": ["planning-validation-report"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "52% to 31%", "label": "invalid applications in the pilot"},
                        {"value": "£350,000", "label": "Local Digital Fund grant"},
                        {"value": "3", "label": "councils in the partnership"},
                    ]
                },
            ),
            ("heading", {"text": "Working in the open", "level": "h2"}),
            (
                "paragraph",
                "<p>We published show and tell notes every 2 weeks and kept a public backlog. Two more councils asked to join the next phase after reading them.</p>",
            ),
        ],
    },
    {
        "slug": "somerset-pothole-reporting",
        "title": "Report a pothole: map pins, photos and fewer duplicate reports",
        "summary": "Somerset Council redesigned pothole reporting so people drop a pin on a map and see existing reports first. Duplicate reports fell by 60% and inspectors find the defect first time far more often.",
        "organisations": ["SMT", "SOM"],
        "service_areas": ["highways-and-transport"],
        "tags": ["potholes", "open-source", "customer-portal", "reuse"],
        "principles": [1, 2],
        "date": "2024-04-15",
        "phase": "live",
        "problem": "<p>The former county council received about 30,000 highway defect reports a year. Many were duplicates of the same pothole. Many described the location only as a road name.</p><p>Inspectors spent time searching for defects, or visited the same one several times.</p>",
        "approach": "<p>We replaced the form with a map-based reporting tool built on open-source street reporting software. The work started at Somerset County Council and finished after Somerset Council formed in April 2023.</p><ul><li>People see existing reports near their pin and can follow one instead of making a new report.</li><li>Photos are optional but encouraged.</li><li>Reports go straight into the highways asset management system. People get an update when the status changes.</li></ul>",
        "outcomes": [
            {
                "measure": "Reports that duplicate an open report",
                "before": "38%",
                "after": "15%",
                "note": "12 months after launch.",
            },
            {
                "measure": "Reports with an exact location",
                "before": "55%",
                "after": "96%",
                "note": "",
            },
            {
                "measure": "Inspections that found the defect first time",
                "before": "71%",
                "after": "93%",
                "note": "",
            },
        ],
        "total_cost": 165000,
        "annual_saving": 140000,
        "cost_notes": "£95,000 for the reporting tool over 3 years, £45,000 integration with the asset management system and £25,000 internal staff.",
        "started": "2022-09-05",
        "finished": "2023-10-31",
        "partners": ["Highways inspection team", "Open-source software supplier"],
        "lessons_learned": "<ul><li>Showing existing reports does more to cut duplicates than any wording.</li><li>Status updates stop chasing calls. Send one when the inspection is booked and one when the repair is done.</li><li>Plan for reorganisation. Our project team changed twice when the new council formed.</li></ul>",
        "related_briefs": [],
        "related_business_cases": [],
        "patterns_used": ["report-a-pothole"],
        "documents": [],
        "body": [
            (
                "callout",
                {
                    "text": "<p>Somerset County Council was replaced by Somerset Council on 1 April 2023. The project continued through the change.</p>"
                },
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "60%", "label": "fewer duplicate reports"},
                        {"value": "96%", "label": "of reports with an exact location"},
                        {"value": "£140,000", "label": "saved each year in inspector time"},
                    ]
                },
            ),
        ],
    },
    {
        "slug": "lambeth-temporary-accommodation",
        "title": "Temporary accommodation: helping households know what happens next",
        "summary": "Lambeth ran a discovery and an alpha on how it keeps households in temporary accommodation informed. In the alpha, calls asking for updates fell by 35% and most households knew who their officer was.",
        "organisations": ["LBH"],
        "service_areas": ["housing"],
        "tags": ["homelessness", "housing", "user-research", "dos", "gov-uk-notify"],
        "principles": [1, 3],
        "date": "2025-09-08",
        "phase": "alpha",
        "problem": "<p>About 4,000 households live in temporary accommodation arranged by the council, many outside the borough. Households told us they did not know how long they would stay, who their officer was, or what to do next.</p><p>Officers spent up to a third of their time answering calls asking for updates.</p>",
        "approach": "<p>We ran an 8-week discovery and a 12-week alpha with a supplier bought through Digital Outcomes and Specialists.</p><ul><li>We tested text updates through GOV.UK Notify at key points, such as a placement review or an offer of settled housing.</li><li>We prototyped a simple page showing a household's placement, their named officer and what happens next.</li><li>We tested a shared record of property inspections for the teams that book and check accommodation.</li></ul>",
        "outcomes": [
            {
                "measure": "Calls asking for updates, per officer each week",
                "before": "42",
                "after": "27",
                "note": "Alpha group of 220 households.",
            },
            {
                "measure": "Households who knew their named officer",
                "before": "38%",
                "after": "81%",
                "note": "Alpha group survey.",
            },
            {
                "measure": "Properties with an inspection record less than 12 months old",
                "before": "54%",
                "after": "88%",
                "note": "Properties used by the alpha group.",
            },
        ],
        "total_cost": 210000,
        "annual_saving": None,
        "cost_notes": "£168,000 supplier contract for discovery and alpha, and £42,000 internal staff. We will estimate savings in the beta business case.",
        "started": "2025-03-10",
        "finished": None,
        "partners": ["Mock Design Studio Ltd", "Housing needs team", "Voluntary sector partners"],
        "lessons_learned": "<ul><li>Proactive updates are the quickest win. Most calls are people asking what is happening.</li><li>Design for people in crisis: short messages, one action at a time, and no jargon.</li><li>Property data is scattered. Fixing it helps officers as much as households.</li></ul>",
        "related_briefs": ["temporary-accommodation-alpha"],
        "related_business_cases": ["temporary-accommodation-service"],
        "patterns_used": ["updates-for-households-in-temporary-accommodation"],
        "documents": ["lambeth-ta-discovery"],
        "body": [
            ("heading", {"text": "What households told us", "level": "h2"}),
            (
                "quote",
                {
                    "quote": "The worst part is not knowing. If someone tells me it will be 6 months, I can plan. Nobody tells you anything.",
                    "attribution": "Resident in temporary accommodation",
                },
            ),
            (
                "paragraph",
                "<p>We are now preparing for beta. We will extend text updates to all households and connect the placement page to our housing case management system.</p>",
            ),
        ],
    },
    {
        "slug": "fife-freedom-of-information-requests",
        "title": "Freedom of information requests: publishing answers to cut repeat requests",
        "summary": "Fife Council built a searchable disclosure log and a guided request form. Repeat requests fell by a fifth and 94% of requests are now answered within 20 working days.",
        "organisations": ["FIF"],
        "service_areas": ["technology-and-data", "customer-services"],
        "tags": ["foi", "open-data", "low-code", "forms"],
        "principles": [5, 3],
        "date": "2023-03-27",
        "phase": "live",
        "problem": "<p>Fife receives about 2,500 requests a year under the Freedom of Information (Scotland) Act 2002. Many asked for information we had already released to someone else.</p><p>Requests were tracked in spreadsheets. Only 82% were answered within 20 working days.</p>",
        "approach": "<ul><li>We publish every response in a searchable disclosure log, with personal data removed.</li><li>The request form searches the log as people type and suggests existing answers.</li><li>We moved request tracking from spreadsheets to a case management app built on our low-code platform.</li><li>We publish frequently requested data, such as spending over £500, as open data.</li></ul>",
        "outcomes": [
            {
                "measure": "Requests answered within 20 working days",
                "before": "82%",
                "after": "94%",
                "note": "",
            },
            {
                "measure": "Requests that repeat an earlier request",
                "before": "",
                "after": "down 21%",
                "note": "Compared with the previous year.",
            },
            {
                "measure": "Regularly requested data sets published as open data",
                "before": "0",
                "after": "38",
                "note": "",
            },
        ],
        "total_cost": 72000,
        "annual_saving": 48000,
        "cost_notes": "Internal low-code development and information governance staff time. No new licences.",
        "started": "2022-04-11",
        "finished": "2023-01-31",
        "partners": ["Information governance team"],
        "lessons_learned": "<ul><li>Publish by default. Redaction takes less time than answering the same question again.</li><li>Suggest existing answers at the moment people are writing their request.</li><li>Track the questions, not just the deadlines. They tell you what to publish next.</li></ul>",
        "related_briefs": [],
        "related_business_cases": [],
        "patterns_used": [],
        "documents": [],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "94%", "label": "answered on time, up from 82%"},
                        {"value": "21%", "label": "fewer repeat requests"},
                        {"value": "38", "label": "data sets published"},
                    ]
                },
            ),
            (
                "paragraph",
                "<p>The disclosure log is now one of the most visited parts of our website. Journalists and researchers use it as a starting point.</p>",
            ),
        ],
    },
    {
        "slug": "derry-strabane-waste-services-online",
        "title": "Missed bins and bulky waste online: reusing another council's brief",
        "summary": "Derry City and Strabane reused another council's published G-Cloud requirements to buy a waste services platform. Procurement took 7 weeks instead of the 5 months we planned, and 63% of missed bin reports are now made online.",
        "organisations": ["DRS", "SAMPLE-CLOUD"],
        "service_areas": ["waste-and-recycling", "customer-services"],
        "tags": ["bins", "g-cloud", "reuse", "integration"],
        "principles": [2, 5],
        "date": "2024-11-18",
        "phase": "beta",
        "problem": "<p>Residents reported missed bins and booked bulky collections by phone. Crews in rural areas often could not reach properties on narrow roads, but residents were not told why their bin was missed.</p><p>We had no budget for a long discovery or a full procurement.</p>",
        "approach": "<p>We found another council's published requirements for a waste services platform and adapted them for our area. We bought through G-Cloud, which is open to councils in Northern Ireland.</p><ul><li>We added requirements for rural round exceptions, such as roads blocked by farm vehicles.</li><li>We reused the published missed bin and bulky waste service patterns for our forms.</li><li>We launched missed bins first and bulky waste 3 months later.</li></ul>",
        "outcomes": [
            {
                "measure": "Time to procure the platform",
                "before": "5 months (planned)",
                "after": "7 weeks",
                "note": "From first draft of requirements to contract.",
            },
            {
                "measure": "Missed bin reports made online",
                "before": "0%",
                "after": "63%",
                "note": "First 6 months of beta.",
            },
            {
                "measure": "Return visits for bins not put out",
                "before": "about 400 a month",
                "after": "about 120 a month",
                "note": "",
            },
        ],
        "total_cost": 148000,
        "annual_saving": 86000,
        "cost_notes": "£110,000 platform licence and set-up for 3 years through G-Cloud, and £38,000 internal staff and in-cab integration.",
        "started": "2023-10-02",
        "finished": None,
        "partners": [
            "Sample Cloud Services Ltd (platform)",
            "Environment and regeneration directorate",
        ],
        "lessons_learned": "<ul><li>A published brief is a huge shortcut. Ask the original council what they would change. We added 2 requirements they wished they had included.</li><li>Rural rounds need their own exception codes.</li><li>Launch one service at a time.</li></ul>",
        "related_briefs": ["waste-services-digital-platform"],
        "related_business_cases": ["waste-services-platform"],
        "patterns_used": ["report-a-missed-bin-collection", "book-a-bulky-waste-collection"],
        "documents": ["stockport-waste-brief"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "7 weeks", "label": "to procure, using a reused brief"},
                        {"value": "63%", "label": "of missed bin reports made online"},
                        {"value": "£148,000", "label": "total cost over 3 years"},
                    ]
                },
            ),
            (
                "quote",
                {
                    "quote": "We did not start from a blank page. That saved us months and a lot of money.",
                    "attribution": "Head of environmental services",
                },
            ),
        ],
    },
    {
        "slug": "perth-and-kinross-care-charging-calculator",
        "title": "A care charging calculator for non-residential care in Scotland",
        "summary": "Perth and Kinross adapted another council's financial assessment requirements to Scottish charging guidance and bought a calculator through G-Cloud. People now see an estimate of any charge before their services start.",
        "organisations": ["PKN", "COSLA"],
        "service_areas": ["adult-social-care", "finance-and-procurement"],
        "tags": ["adult-social-care", "g-cloud", "reuse", "forms"],
        "principles": [1, 5],
        "date": "2025-10-20",
        "phase": "beta",
        "problem": "<p>In Scotland, personal and nursing care is free, but councils can charge for some other non-residential services. People often found out what they would pay weeks after their services had started. Backdated charges caused distress and complaints.</p>",
        "approach": "<p>We started from a published set of requirements for an online financial assessment from an English council. We replaced the Care Act 2014 charging rules with the COSLA national guidance on charges for non-residential social care.</p><ul><li>We bought a configurable calculator through G-Cloud.</li><li>We added a clear explanation of which services are free and which may be charged for.</li><li>People get an estimate before services start, and a confirmed charge within 10 working days.</li></ul>",
        "outcomes": [
            {
                "measure": "People told their charge before services start",
                "before": "22%",
                "after": "74%",
                "note": "Beta, first 6 months.",
            },
            {
                "measure": "Complaints about backdated charges",
                "before": "about 9 a month",
                "after": "about 2 a month",
                "note": "",
            },
            {
                "measure": "Average time to confirm a charge",
                "before": "34 days",
                "after": "10 days",
                "note": "",
            },
        ],
        "total_cost": 134000,
        "annual_saving": 52000,
        "cost_notes": "£96,000 calculator licence and configuration for 3 years through G-Cloud, and £38,000 internal staff.",
        "started": "2024-11-04",
        "finished": None,
        "partners": ["Example Digital Ltd (calculator)", "Health and social care partnership"],
        "lessons_learned": "<ul><li>Reusing requirements across nations works if you separate the rules from the user journey.</li><li>Explain what is free first. It answered most people's worries.</li><li>Ask the calculator supplier to keep Scottish and English rule sets separate.</li></ul>",
        "related_briefs": ["financial-assessment-calculator"],
        "related_business_cases": ["online-financial-assessment"],
        "patterns_used": ["adult-social-care-financial-assessment"],
        "documents": ["durham-fa-requirements"],
        "body": [
            ("heading", {"text": "Adapting English requirements for Scotland", "level": "h2"}),
            (
                "paragraph",
                "<p>About 80% of the original requirements applied unchanged. We rewrote the sections on charging rules, allowances and which services can be charged for.</p>",
            ),
            (
                "callout",
                {
                    "text": "<p>If you are a Scottish council, our adapted requirements are available on request.</p>"
                },
            ),
        ],
    },
]

PROCUREMENT_BRIEFS = [
    {
        "slug": "housing-repairs-online-service",
        "title": "Online housing repairs service: alpha and beta",
        "summary": "Hackney's brief for a multidisciplinary team to design and build an online housing repairs service, bought through Digital Outcomes and Specialists. Awarded for £412,000 over up to 24 months.",
        "organisations": ["HCK"],
        "service_areas": ["housing", "customer-services"],
        "tags": ["repairs", "housing", "dos", "open-source", "user-research"],
        "principles": [1, 2, 5],
        "date": "2021-04-12",
        "phase": "beta",
        "route": "dos",
        "budget_min": 350000,
        "budget_max": 450000,
        "contract_length_months": 24,
        "problem": "<p>Council tenants and leaseholders can only report housing repairs by phone. Peak waits reach 22 minutes and 1 in 5 calls is abandoned. About 14% of repair jobs are raised with the wrong trade or priority.</p><p>We want most routine housing repairs to be reported, booked and tracked online, with a good phone service kept for people who need it.</p>",
        "users": "<ul><li>About 22,000 council tenants and 9,000 leaseholders</li><li>Contact centre staff who log repairs for callers</li><li>Repairs planners and operatives who receive and complete jobs</li><li>Tenants' representatives</li></ul>",
        "essential_skills": [
            "Have designed and built public services to the Service Standard, through alpha and beta",
            "Have run user research with people who have low digital skills or access needs",
            "Have integrated a public-facing service with a back-office system through APIs",
            "Build services that meet WCAG 2.1 AA",
            "Work in the open and publish code under an open licence",
        ],
        "nice_to_have_skills": [
            "Experience of housing repairs or asset management systems",
            "Experience of GOV.UK Notify",
            "Experience of handing over a service to an in-house team",
        ],
        "evaluation_criteria": [
            {"criterion": "Technical competence", "weighting": 60},
            {"criterion": "Cultural fit and working in the open", "weighting": 10},
            {"criterion": "Price", "weighting": 30},
        ],
        "status": "awarded",
        "awarded_to": "Example Digital Ltd",
        "award_value": 412000,
        "award_date": "2021-06-18",
        "documents": ["hackney-repairs-brief"],
        "body": [
            ("heading", {"text": "Why we published this brief", "level": "h2"}),
            (
                "paragraph",
                "<p>We want other councils to reuse this brief. Change the numbers and the integration section to match your own repairs system.</p>",
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "£412,000", "label": "award value"},
                        {"value": "7", "label": "suppliers bid"},
                        {"value": "24 months", "label": "maximum contract length"},
                    ]
                },
            ),
        ],
    },
    {
        "slug": "waste-services-digital-platform",
        "title": "Waste services platform for missed bins, bulky waste and garden waste",
        "summary": "Stockport's G-Cloud requirements for a cloud platform that connects online waste forms to in-cab devices in collection vehicles. Awarded for £195,000 over 3 years.",
        "organisations": ["SKP"],
        "service_areas": ["waste-and-recycling", "technology-and-data"],
        "tags": ["bins", "g-cloud", "integration", "garden-waste"],
        "principles": [1, 2],
        "date": "2021-05-24",
        "phase": "beta",
        "route": "g-cloud",
        "budget_min": 150000,
        "budget_max": 220000,
        "contract_length_months": 36,
        "problem": "<p>Missed bin reports are the largest single reason residents call us. Crews record exceptions on in-cab devices, but nobody outside the depot can see them. We want residents to report and book waste services online, with answers based on what the crew recorded.</p>",
        "users": "<ul><li>Residents in about 130,000 households</li><li>Contact centre advisers</li><li>Depot supervisors and collection crews</li></ul>",
        "essential_skills": [
            "Cloud software service hosted in the UK",
            "Reads round status and crew exceptions from in-cab systems in near real time",
            "Address lookup using the local land and property gazetteer",
            "Open APIs for CRM and payment integration",
            "Meets WCAG 2.1 AA",
        ],
        "nice_to_have_skills": [
            "Garden waste subscription management",
            "Experience with councils that use alternate weekly collections",
        ],
        "evaluation_criteria": [
            {
                "criterion": "Fit with functional requirements, tested by demonstration",
                "weighting": 50,
            },
            {"criterion": "Integration and data approach", "weighting": 15},
            {"criterion": "Accessibility and usability", "weighting": 10},
            {"criterion": "Price over 3 years", "weighting": 25},
        ],
        "status": "awarded",
        "awarded_to": "Sample Cloud Services Ltd",
        "award_value": 195000,
        "award_date": "2021-07-30",
        "documents": ["stockport-waste-brief"],
        "body": [
            (
                "paragraph",
                "<p>We shortlisted 5 services from the G-Cloud catalogue using keyword searches, then asked each supplier to demonstrate 6 real scenarios from our contact centre.</p>",
            ),
            (
                "callout",
                {
                    "text": "<p>Two other councils have reused this brief. Tell us if you do too, so we can keep it up to date.</p>"
                },
            ),
        ],
    },
    {
        "slug": "revenues-benefits-cloud-hosting",
        "title": "Revenues and benefits system: cloud hosting and data migration",
        "summary": "North Yorkshire's call-off from a Crown Commercial Service framework for cloud hosting and migration of its revenues and benefits system, after local government reorganisation. Awarded for £4.6 million over 5 years.",
        "organisations": ["NYE", "CCS"],
        "service_areas": ["council-tax-and-benefits", "technology-and-data"],
        "tags": ["cloud-migration", "data-migration", "council-tax", "shared-service"],
        "principles": [2, 4],
        "date": "2023-04-20",
        "phase": "live",
        "route": "framework",
        "budget_min": 4000000,
        "budget_max": 5000000,
        "contract_length_months": 60,
        "problem": "<p>The new council inherited 4 revenues and benefits systems from 8 predecessor councils. Three are hosted in data centres that will close. We need one system, hosted in the cloud, with all accounts migrated safely and without disrupting annual billing.</p>",
        "users": "<ul><li>Revenues and benefits staff across 7 former district areas</li><li>About 290,000 council tax payers and 25,000 businesses</li><li>People claiming housing benefit and council tax reduction</li></ul>",
        "essential_skills": [
            "Supplier-hosted cloud service for the chosen revenues and benefits system, hosted in the UK",
            "Proven migration of council tax and business rates data from at least 2 different source systems",
            "Parallel running and reconciliation approach",
            "Cyber Essentials Plus and ISO 27001 certification",
        ],
        "nice_to_have_skills": [
            "Experience of migration after local government reorganisation",
            "Automated data quality reporting",
        ],
        "evaluation_criteria": [
            {"criterion": "Migration approach and risk management", "weighting": 35},
            {"criterion": "Hosting, security and service levels", "weighting": 20},
            {"criterion": "Social value", "weighting": 10},
            {"criterion": "Price over 5 years", "weighting": 35},
        ],
        "status": "awarded",
        "awarded_to": "Sample Cloud Services Ltd",
        "award_value": 4600000,
        "award_date": "2023-06-30",
        "documents": ["nye-revs-bens-fbc"],
        "body": [
            (
                "paragraph",
                "<p>We ran a further competition under a Crown Commercial Service framework. Three suppliers bid. The contract covers migration services and 5 years of hosting.</p>",
            ),
        ],
    },
    {
        "slug": "contact-centre-chatbot",
        "title": "Chatbot platform for the contact centre",
        "summary": "Wirral's G-Cloud requirements for a chatbot platform that answers common questions from approved council content and hands over to advisers. Awarded for £150,000 over 2 years.",
        "organisations": ["WRL"],
        "service_areas": ["customer-services", "technology-and-data"],
        "tags": ["chatbot", "g-cloud", "accessibility"],
        "principles": [1, 4],
        "date": "2023-06-19",
        "phase": "beta",
        "route": "g-cloud",
        "budget_min": 100000,
        "budget_max": 160000,
        "contract_length_months": 24,
        "problem": "<p>About 40% of calls to our contact centre are simple questions already answered on our website. We want to test whether a chatbot can answer some of these well, and hand over to an adviser when it cannot.</p>",
        "users": "<ul><li>Residents contacting the council, including people using assistive technology</li><li>Contact centre advisers who receive handovers</li><li>Web content editors who maintain answers</li></ul>",
        "essential_skills": [
            "Answers only from content the council approves, with links to the source page",
            "Handover to a live adviser with the conversation history",
            "Meets WCAG 2.2 AA, tested with screen reader users",
            "Conversation data stored in the UK and deleted after 90 days",
        ],
        "nice_to_have_skills": [
            "Welsh or other language support",
            "Reporting on unanswered questions",
        ],
        "evaluation_criteria": [
            {"criterion": "Quality of answers in a test using our content", "weighting": 40},
            {"criterion": "Accessibility", "weighting": 20},
            {"criterion": "Data protection and security", "weighting": 10},
            {"criterion": "Price", "weighting": 30},
        ],
        "status": "awarded",
        "awarded_to": "Example Assist Ltd",
        "award_value": 150000,
        "award_date": "2023-08-11",
        "documents": [],
        "body": [
            (
                "paragraph",
                "<p>We asked each shortlisted supplier to load 20 of our web pages and answer 50 real questions from our call logs. We scored the answers blind.</p>",
            ),
        ],
    },
    {
        "slug": "open-source-website-platform",
        "title": "Delivery partner to move our website to an open-source platform",
        "summary": "Leeds's Digital Outcomes and Specialists brief for a partner to migrate the council website to a shared open-source Drupal platform and contribute features back. Awarded for £265,000.",
        "organisations": ["LDS"],
        "service_areas": ["technology-and-data", "customer-services"],
        "tags": ["open-source", "dos", "accessibility", "reuse"],
        "principles": [2, 5],
        "date": "2022-07-11",
        "phase": "beta",
        "route": "dos",
        "budget_min": 220000,
        "budget_max": 300000,
        "contract_length_months": 15,
        "problem": "<p>Our website runs on a proprietary platform that is expensive and hard to change. We want to move to LocalGov Drupal, an open-source platform shared by councils, and leave our own team able to run and improve it.</p>",
        "users": "<ul><li>Residents, businesses and visitors using the website</li><li>About 40 web publishers across the council</li><li>The in-house web team who will run the site</li></ul>",
        "essential_skills": [
            "Have delivered Drupal sites for public sector organisations",
            "Have contributed code to open-source projects",
            "Can plan and run a content audit and migration",
            "Build to WCAG 2.2 AA",
            "Train and hand over to an in-house team",
        ],
        "nice_to_have_skills": [
            "Experience with LocalGov Drupal",
            "Experience of search engine optimisation during migration",
        ],
        "evaluation_criteria": [
            {"criterion": "Technical competence", "weighting": 55},
            {"criterion": "Open-source contribution and working in the open", "weighting": 15},
            {"criterion": "Price", "weighting": 30},
        ],
        "status": "awarded",
        "awarded_to": "Demo Software Co-operative Ltd",
        "award_value": 265000,
        "award_date": "2022-09-09",
        "documents": ["website-platform-soc"],
        "body": [
            (
                "paragraph",
                "<p>All new code written under this contract must be released under an open licence and offered back to the shared project.</p>",
            ),
        ],
    },
    {
        "slug": "early-help-data-sharing-discovery",
        "title": "Discovery: sharing information to offer early help sooner",
        "summary": "Kirklees's Digital Outcomes and Specialists brief for a 12-week discovery into how council, school and health information could be shared safely to support families earlier. Awarded for £78,000.",
        "organisations": ["KIR"],
        "service_areas": ["children-and-families", "technology-and-data"],
        "tags": ["data-sharing", "early-help", "user-research", "dos"],
        "principles": [3, 1],
        "date": "2021-08-23",
        "phase": "discovery",
        "route": "dos",
        "budget_min": 60000,
        "budget_max": 90000,
        "contract_length_months": 3,
        "problem": "<p>Early help workers check up to 7 systems to understand a family's situation, and information from partners arrives late. We want to understand what information workers need, what families are comfortable with, and what is lawful and safe to share.</p>",
        "users": "<ul><li>Families, including children and young people</li><li>Early help practitioners and team managers</li><li>Schools, health visitors and school nurses</li><li>Information governance and data protection staff</li></ul>",
        "essential_skills": [
            "Have run discoveries with vulnerable users, including children",
            "Understand UK GDPR and data sharing in children's services",
            "Can map data across several organisations and systems",
            "Can present findings to senior leaders and partners",
        ],
        "nice_to_have_skills": [
            "Knowledge of the Supporting Families programme",
            "Experience of trauma-informed research",
        ],
        "evaluation_criteria": [
            {"criterion": "Approach to research with families", "weighting": 40},
            {"criterion": "Information governance expertise", "weighting": 20},
            {"criterion": "Team and experience", "weighting": 15},
            {"criterion": "Price", "weighting": 25},
        ],
        "status": "awarded",
        "awarded_to": "Example Digital Ltd",
        "award_value": 78000,
        "award_date": "2021-10-15",
        "documents": [],
        "body": [],
    },
    {
        "slug": "local-land-charges-data-cleansing",
        "title": "Local Land Charges register: data cleansing before migration",
        "summary": "Wiltshire's below-threshold quotation for digitising and cleansing its Local Land Charges register before moving it to HM Land Registry's national register. Awarded for £29,500.",
        "organisations": ["WIL"],
        "service_areas": ["planning-and-building-control", "technology-and-data"],
        "tags": ["land-charges", "data-migration", "open-data"],
        "principles": [2],
        "date": "2023-12-04",
        "phase": "live",
        "route": "below-threshold",
        "budget_min": 20000,
        "budget_max": 35000,
        "contract_length_months": 6,
        "problem": "<p>Our Local Land Charges register holds about 48,000 charges across paper records, a legacy database and spreadsheets. Before HM Land Registry can migrate it to the national digital register, every charge needs an accurate spatial extent and duplicates must be removed.</p>",
        "users": "<ul><li>Conveyancers and home buyers who search the register</li><li>Land charges officers</li><li>Planning, highways and building control teams who register charges</li></ul>",
        "essential_skills": [
            "Have cleansed and digitised Local Land Charges data for migration",
            "GIS skills to create accurate spatial extents",
            "Work to the council's information security policy",
        ],
        "nice_to_have_skills": [
            "Experience of HM Land Registry migration file formats",
        ],
        "evaluation_criteria": [
            {"criterion": "Method and quality assurance", "weighting": 50},
            {"criterion": "Relevant experience", "weighting": 20},
            {"criterion": "Price", "weighting": 30},
        ],
        "status": "awarded",
        "awarded_to": "Specimen Data Ltd",
        "award_value": 29500,
        "award_date": "2024-02-05",
        "documents": ["wiltshire-llc-spec"],
        "body": [
            (
                "paragraph",
                "<p>We invited 4 suppliers to quote. The contract pays 40% on delivery of a sample area and the rest on acceptance of the full data set.</p>",
            ),
        ],
    },
    {
        "slug": "financial-assessment-calculator",
        "title": "Online financial assessment calculator for adult social care",
        "summary": "Durham's G-Cloud requirements for a calculator that gives people a quick estimate of what they may pay for care, and supports a full online financial assessment. Awarded for £150,000 over 3 years.",
        "organisations": ["DUR"],
        "service_areas": ["adult-social-care", "finance-and-procurement"],
        "tags": ["adult-social-care", "g-cloud", "forms", "accessibility"],
        "principles": [1, 2],
        "date": "2023-05-30",
        "phase": "beta",
        "route": "g-cloud",
        "budget_min": 120000,
        "budget_max": 170000,
        "contract_length_months": 36,
        "problem": "<p>People wait an average of 26 days for a financial assessment visit and many do not know what to expect. We want people and their families to be able to estimate their contribution and complete an assessment online.</p>",
        "users": "<ul><li>People who need care and support, many aged over 75</li><li>Family members and carers completing assessments on someone's behalf</li><li>Financial assessment officers</li></ul>",
        "essential_skills": [
            "Applies the Care Act 2014 charging rules and is updated each April",
            "Quick estimate without an account",
            "Evidence upload and officer review before confirmation",
            "Integration with our social care case management system",
            "Meets WCAG 2.2 AA",
        ],
        "nice_to_have_skills": [
            "Configurable rule sets for other nations' charging rules",
            "Support for someone acting under a lasting power of attorney",
        ],
        "evaluation_criteria": [
            {
                "criterion": "Fit with requirements, tested by demonstration with real scenarios",
                "weighting": 45,
            },
            {"criterion": "Usability and accessibility", "weighting": 20},
            {"criterion": "Integration", "weighting": 10},
            {"criterion": "Price over 3 years", "weighting": 25},
        ],
        "status": "awarded",
        "awarded_to": "Example Digital Ltd",
        "award_value": 150000,
        "award_date": "2023-07-14",
        "documents": ["durham-fa-requirements"],
        "body": [],
    },
    {
        "slug": "temporary-accommodation-alpha",
        "title": "Discovery and alpha: keeping households in temporary accommodation informed",
        "summary": "Lambeth's Digital Outcomes and Specialists brief for an 8-week discovery and 12-week alpha on communication with households in temporary accommodation. Awarded for £168,000.",
        "organisations": ["LBH"],
        "service_areas": ["housing"],
        "tags": ["homelessness", "housing", "dos", "user-research"],
        "principles": [1, 3],
        "date": "2025-01-20",
        "phase": "alpha",
        "route": "dos",
        "budget_min": 140000,
        "budget_max": 190000,
        "contract_length_months": 6,
        "problem": "<p>About 4,000 households live in temporary accommodation arranged by the council. They tell us they do not know how long they will stay or what happens next. Officers spend up to a third of their time answering calls for updates.</p>",
        "users": "<ul><li>Households in temporary accommodation, including families with children</li><li>Housing needs and temporary accommodation officers</li><li>Accommodation providers</li></ul>",
        "essential_skills": [
            "Have run research with people experiencing homelessness or crisis",
            "Have taken a service through discovery and alpha to the Service Standard",
            "Prototype and test with real users, including on mobile phones",
            "Content design for people under stress",
        ],
        "nice_to_have_skills": [
            "Knowledge of homelessness legislation and temporary accommodation",
            "Experience of GOV.UK Notify",
        ],
        "evaluation_criteria": [
            {"criterion": "Technical competence", "weighting": 50},
            {"criterion": "Approach to research with people in crisis", "weighting": 20},
            {"criterion": "Price", "weighting": 30},
        ],
        "status": "awarded",
        "awarded_to": "Mock Design Studio Ltd",
        "award_value": 168000,
        "award_date": "2025-03-03",
        "documents": ["lambeth-ta-discovery"],
        "body": [],
    },
    {
        "slug": "planning-validation-alpha",
        "title": "Alpha: checking planning applications before submission",
        "summary": "Barnet's Digital Outcomes and Specialists brief, on behalf of 3 councils, for an alpha funded by the Local Digital Fund to reduce invalid planning applications. Awarded for £298,000.",
        "organisations": ["BNE", "BUC", "DNC"],
        "service_areas": ["planning-and-building-control"],
        "tags": ["planning", "local-digital-fund", "dos", "open-source"],
        "principles": [1, 2, 5],
        "date": "2020-09-28",
        "phase": "alpha",
        "route": "dos",
        "budget_min": 250000,
        "budget_max": 320000,
        "contract_length_months": 9,
        "problem": "<p>About half of planning applications are invalid when first submitted. We want to test whether checking boundaries, fees and documents before submission can reduce this, across 3 councils.</p>",
        "users": "<ul><li>Householders applying for planning permission</li><li>Planning agents and architects</li><li>Validation officers in 3 councils</li></ul>",
        "essential_skills": [
            "Have built map-based services for the public",
            "Have worked with several public sector clients at once",
            "Work in the open and publish code under an open licence",
            "Build to the Service Standard and WCAG 2.1 AA",
        ],
        "nice_to_have_skills": [
            "Knowledge of planning fees and validation requirements",
            "Experience with spatial data and title boundaries",
        ],
        "evaluation_criteria": [
            {"criterion": "Technical competence", "weighting": 55},
            {"criterion": "Working in the open across several councils", "weighting": 15},
            {"criterion": "Price", "weighting": 30},
        ],
        "status": "awarded",
        "awarded_to": "Example Digital Ltd",
        "award_value": 298000,
        "award_date": "2020-11-20",
        "documents": [],
        "body": [
            (
                "callout",
                {
                    "text": "<p>This work was funded by the Local Digital Fund. All outputs are published under an open licence.</p>"
                },
            ),
        ],
    },
    {
        "slug": "school-admissions-system",
        "title": "School admissions and home to school transport system",
        "summary": "Kent's planned procurement of a new school admissions and transport eligibility system, using the competitive flexible procedure under the Procurement Act 2023. Open for bids; estimated value £600,000 to £900,000.",
        "organisations": ["KEN"],
        "service_areas": ["education-and-skills"],
        "tags": ["school-admissions", "api", "user-research", "forms"],
        "principles": [1, 2],
        "date": "2026-09-21",
        "phase": "live",
        "route": "competitive-flexible",
        "budget_min": 600000,
        "budget_max": 900000,
        "contract_length_months": 60,
        "problem": "<p>Our admissions system contract ends in 2027. The parent-facing application works well, but the system behind it is hard to change and does not share data easily with our transport and SEND teams.</p>",
        "users": "<ul><li>About 35,000 families applying for school places each year</li><li>Admissions, appeals and transport officers</li><li>Schools and academy trusts that are their own admission authorities</li></ul>",
        "essential_skills": [
            "Coordinated admissions for primary, junior and secondary schools",
            "In-year admissions and appeals administration",
            "Home to school transport eligibility assessment",
            "Open, documented APIs for all data",
            "Meets WCAG 2.2 AA",
        ],
        "nice_to_have_skills": [
            "Support for a council-designed parent-facing front end",
            "Integration with SEND case management",
        ],
        "evaluation_criteria": [
            {"criterion": "Demonstration using real admissions scenarios", "weighting": 40},
            {"criterion": "Data, APIs and integration", "weighting": 15},
            {"criterion": "Implementation and migration plan", "weighting": 10},
            {"criterion": "Social value", "weighting": 10},
            {"criterion": "Price over 5 years", "weighting": 25},
        ],
        "status": "open",
        "awarded_to": "",
        "award_value": None,
        "award_date": None,
        "documents": ["kent-admissions-brief"],
        "body": [
            (
                "paragraph",
                "<p>This procurement follows the Procurement Act 2023. We will publish a tender notice on the Central Digital Platform and hold a demonstration stage before final tenders.</p>",
            ),
        ],
    },
    {
        "slug": "parking-permits-system-replacement",
        "title": "Parking permits and virtual permit system",
        "summary": "Edinburgh's draft requirements for a new parking permits system with virtual permits, emissions-based pricing and instant approval. To be advertised on Public Contracts Scotland.",
        "organisations": ["EDH"],
        "service_areas": ["parking"],
        "tags": ["parking", "payments", "api", "customer-portal"],
        "principles": [1, 2],
        "date": "2026-10-05",
        "phase": "live",
        "route": "open",
        "budget_min": 400000,
        "budget_max": 650000,
        "contract_length_months": 48,
        "problem": "<p>We issue about 45,000 resident and visitor permits a year. Many are still paper. New controlled parking zones are increasing demand, and residents expect to apply and change their vehicle online.</p>",
        "users": "<ul><li>Residents, visitors and businesses in controlled parking zones</li><li>Parking officers who check permits</li><li>Permit administrators</li></ul>",
        "essential_skills": [
            "Virtual permits checked by vehicle registration on enforcement devices",
            "Emissions-based pricing using vehicle data",
            "Automatic proof of address checks, with consent",
            "Visitor permits bought by the hour or day",
            "Meets WCAG 2.2 AA",
        ],
        "nice_to_have_skills": [
            "Support for car club and business permits",
            "Open APIs for reporting",
        ],
        "evaluation_criteria": [
            {"criterion": "Quality", "weighting": 60},
            {"criterion": "Fair work practices and community benefits", "weighting": 10},
            {"criterion": "Price", "weighting": 30},
        ],
        "status": "draft",
        "awarded_to": "",
        "award_value": None,
        "award_date": None,
        "documents": [],
        "body": [
            (
                "paragraph",
                "<p>We learned from English councils that already use virtual permits, and from their published service patterns. We are sharing this draft to invite comments from other councils and suppliers before we publish it. Scottish procurement rules apply, so the Procurement Act 2023 routes do not.</p>",
            ),
        ],
    },
]

BUSINESS_CASES = [
    {
        "slug": "housing-repairs-digital-service",
        "title": "Housing repairs digital service: outline business case",
        "summary": "Hackney's outline business case for an online housing repairs service. The preferred option costs £1.15 million over 5 years and saves £310,000 a year, with payback in about 25 months.",
        "organisations": ["HCK"],
        "service_areas": ["housing", "customer-services"],
        "tags": ["repairs", "housing", "open-source", "dos"],
        "principles": [1, 2, 4],
        "date": "2021-02-08",
        "stage": "obc",
        "strategic_case": "<p>We receive about 95,000 responsive housing repairs requests a year, all by phone. Peak waits reach 22 minutes and 1 in 5 calls is abandoned. About 14% of jobs have the wrong trade or priority, which causes wasted visits and repeat calls.</p><p>An online service supports our housing strategy commitment to a faster, more reliable repairs service, and frees contact centre staff for complex cases such as damp and mould.</p>",
        "economic_case": "<p>We compared 3 options over 5 years. Building an open-source service with a delivery partner has the lowest whole life cost of the options that meet tenant needs. Buying the supplier's tenant portal module was cheaper to start but adds a licence for as long as we keep the repairs system.</p>",
        "commercial_case": "<p>We will buy a multidisciplinary team for alpha and beta through Digital Outcomes and Specialists, with a budget of £350,000 to £450,000. We will own the code and publish it under an open licence. We will negotiate API access with our repairs system supplier before the delivery contract starts.</p>",
        "financial_case": "<p>One-off cost £640,000, funded from the Housing Revenue Account. Running costs about £102,000 a year for hosting, support and a small in-house team. Savings of £310,000 a year from the second year.</p>",
        "management_case": "<p>The Director of Housing is the senior responsible owner. A service owner from the repairs service leads day-to-day, with a tenant panel that tests every release. We will pass a service assessment before public beta.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Keep phone-only reporting. Call demand and wasted visits continue to grow.",
                "whole_life_cost": 1550000,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Buy the repairs system supplier's tenant portal",
                "description": "Quick to start, but limited control over design and a new annual licence.",
                "whole_life_cost": 1290000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Build an open-source service with a delivery partner",
                "description": "Designed with tenants, integrated through APIs, and reusable by other councils.",
                "whole_life_cost": 1150000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 1150000,
        "annual_benefit": 310000,
        "payback_months": 25,
        "funding_source": "Housing Revenue Account capital programme",
        "approved_by": "Cabinet Member for Housing, on the advice of the Housing Services Board",
        "approval_date": "2021-02-22",
        "documents": ["hackney-repairs-obc"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "£1.15m", "label": "whole life cost over 5 years"},
                        {"value": "£310,000", "label": "annual benefit"},
                        {"value": "25 months", "label": "payback"},
                    ]
                },
            ),
            (
                "paragraph",
                "<p>The do-nothing cost is the 5-year cost of the call handling and wasted visits that the new service would avoid.</p>",
            ),
        ],
    },
    {
        "slug": "revenues-benefits-cloud-migration",
        "title": "Revenues and benefits: one cloud-hosted system after reorganisation",
        "summary": "North Yorkshire's full business case to bring 4 inherited revenues and benefits systems together on one cloud-hosted system. One-off cost £3.4 million, saving £1.2 million a year.",
        "organisations": ["NYE", "HAG"],
        "service_areas": ["council-tax-and-benefits", "technology-and-data"],
        "tags": ["cloud-migration", "council-tax", "shared-service", "data-migration"],
        "principles": [2, 4],
        "date": "2023-04-18",
        "stage": "fbc",
        "strategic_case": "<p>The new council inherited 4 revenues and benefits systems. Three are in data centres that will close. Running several systems means duplicated licences, different processes and higher risk at annual billing.</p>",
        "economic_case": "<p>We compared keeping all systems, moving to one system in our own data centre, and moving to one supplier-hosted cloud system. The cloud option has the lowest 5-year cost and removes our dependency on closing data centres.</p>",
        "commercial_case": "<p>We will call off from a Crown Commercial Service framework through a further competition. The contract will cover migration services and 5 years of hosting, with service credits linked to availability during billing.</p>",
        "financial_case": "<p>One-off costs £3.4 million, part funded from the reorganisation transition budget. Annual licence and hosting costs fall from £2.9 million to £1.7 million. Payback in about 34 months.</p>",
        "management_case": "<p>The Director of Resources is the senior responsible owner. Migration will happen in 3 waves, avoiding January to March. Each wave has a go or no-go decision based on reconciliation results.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Keep 4 systems. Three must move out of closing data centres anyway.",
                "whole_life_cost": 14500000,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "One system hosted in the council's data centre",
                "description": "Fewer systems but new hardware and in-house hosting staff needed.",
                "whole_life_cost": 13100000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "One supplier-hosted cloud system",
                "description": "One system, hosted by the supplier, with data migrated in 3 waves.",
                "whole_life_cost": 11900000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 11900000,
        "annual_benefit": 1200000,
        "payback_months": 34,
        "funding_source": "Local government reorganisation transition budget and flexible use of capital receipts",
        "approved_by": "Executive",
        "approval_date": "2023-04-18",
        "documents": ["nye-revs-bens-fbc"],
        "body": [
            (
                "paragraph",
                "<p>Whole life costs are over 5 years and include licences, hosting, migration and parallel running.</p>",
            ),
        ],
    },
    {
        "slug": "contact-centre-chatbot",
        "title": "Contact centre chatbot: outline business case for a 2-year test",
        "summary": "Wirral's outline business case for a 2-year chatbot test covering 12 common topics. Whole life cost £260,000 over 3 years, with expected benefits of £120,000 a year from avoided calls.",
        "organisations": ["WRL"],
        "service_areas": ["customer-services", "technology-and-data"],
        "tags": ["chatbot", "g-cloud", "automation"],
        "principles": [1, 4],
        "date": "2023-04-17",
        "stage": "obc",
        "strategic_case": "<p>About 40% of the 45,000 calls we answer each month are simple questions. Long waits in peak months affect people who most need to speak to us. A chatbot could answer simple questions at any time and free advisers for complex calls.</p>",
        "economic_case": "<p>We compared doing nothing, recruiting seasonal advisers, improving web content only, and a chatbot with content improvements. The chatbot option gives the largest reduction in simple calls, but the evidence is uncertain, so we propose a time-limited test with clear stop criteria.</p>",
        "commercial_case": "<p>We will buy a platform through G-Cloud on a 2-year contract with no automatic renewal. Conversation data must stay in the UK.</p>",
        "financial_case": "<p>Cost £180,000 over 2 years, and £80,000 for a third year if we continue. Expected benefit £120,000 a year, based on calls avoided at £3.40 a call. Benefits are not fully cashable until contact centre staffing changes.</p>",
        "management_case": "<p>The Head of Customer Services is the senior responsible owner. We will review 200 conversations a week and report resolution rates monthly. We will stop the test if fewer than 20% of conversations are resolved after 6 months.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Keep current channels. Peak waits continue.",
                "whole_life_cost": 0,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Seasonal advisers",
                "description": "Recruit 6 temporary advisers each winter.",
                "whole_life_cost": 390000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Improve web content only",
                "description": "Rewrite the 50 most-used pages.",
                "whole_life_cost": 60000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Chatbot test with content improvements",
                "description": "A 2-year chatbot test on 12 topics, with content rewrites.",
                "whole_life_cost": 260000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 260000,
        "annual_benefit": 120000,
        "payback_months": 18,
        "funding_source": "Transformation reserve",
        "approved_by": "Corporate Leadership Team",
        "approval_date": "2023-05-02",
        "documents": [],
        "body": [
            (
                "callout",
                {
                    "text": "<p>This business case includes stop criteria. We think every test of new technology should.</p>"
                },
            ),
        ],
    },
    {
        "slug": "shared-website-platform",
        "title": "Moving to a shared open-source website platform: strategic outline case",
        "summary": "Leeds's strategic outline case for moving the council website to a shared open-source platform. Whole life cost £690,000 over 5 years, with licence and hosting savings of £81,000 a year.",
        "organisations": ["LDS", "SOCITM"],
        "service_areas": ["technology-and-data", "customer-services"],
        "tags": ["open-source", "accessibility", "reuse", "local-digital-fund"],
        "principles": [2, 5],
        "date": "2022-05-23",
        "stage": "soc",
        "strategic_case": "<p>Our website platform is expensive, hard to change and has 140 accessibility failures we cannot fix ourselves. The Local Digital Declaration asks us to break dependence on inflexible technology and to reuse what others have built.</p>",
        "economic_case": "<p>We compared doing nothing, re-procuring a proprietary platform, and moving to LocalGov Drupal, a shared open-source platform first built with Local Digital Fund support. The shared platform has the lowest 5-year cost and gives us control of our templates.</p>",
        "commercial_case": "<p>We will buy a delivery partner through Digital Outcomes and Specialists. Hosting will be bought separately so we can change host without changing platform.</p>",
        "financial_case": "<p>One-off cost £420,000. Running costs £54,000 a year, compared with £135,000 today. Payback in just over 5 years on cost savings alone, sooner if we count the cost of fixing accessibility on the current platform.</p>",
        "management_case": "<p>The Chief Digital and Information Officer is the senior responsible owner. A content lead will run the content audit. We will join the platform's community and contribute features back.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Keep the current platform and renew the licence.",
                "whole_life_cost": 675000,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Re-procure a proprietary platform",
                "description": "A new licensed platform with supplier-managed templates.",
                "whole_life_cost": 880000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Move to a shared open-source platform",
                "description": "Migrate to LocalGov Drupal with a delivery partner and contribute back.",
                "whole_life_cost": 690000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 690000,
        "annual_benefit": 81000,
        "payback_months": 62,
        "funding_source": "Digital capital programme",
        "approved_by": "Strategic Investment Board",
        "approval_date": "2022-06-14",
        "documents": ["website-platform-soc"],
        "body": [
            (
                "paragraph",
                "<p>The do-nothing option looks slightly cheaper over 5 years. We rejected it because it leaves 140 accessibility failures unfixed, which does not meet our legal duties under the accessibility regulations.</p>",
            ),
        ],
    },
    {
        "slug": "early-help-data-sharing",
        "title": "Early help data sharing: outline business case",
        "summary": "Kirklees's outline business case for a shared view of which services support a family. Whole life cost £980,000 over 5 years. Benefits are mainly earlier help and avoided escalation to children's social care.",
        "organisations": ["KIR"],
        "service_areas": ["children-and-families", "technology-and-data"],
        "tags": ["data-sharing", "early-help", "data-protection"],
        "principles": [3, 1, 4],
        "date": "2022-03-14",
        "stage": "obc",
        "strategic_case": "<p>Our discovery found that early help workers check up to 7 systems and that families repeat their story many times. Help often arrives after problems have grown. Safe, lawful data sharing is central to our early help strategy.</p>",
        "economic_case": "<p>We compared doing nothing, a manual multi-agency information hub, and a shared digital view. The shared view costs more up front but gives faster and more consistent information. If it prevents 15 families a year from needing children's social care, it pays for itself.</p>",
        "commercial_case": "<p>We will buy alpha and beta through Digital Outcomes and Specialists. We will own the data model and the code.</p>",
        "financial_case": "<p>Whole life cost £980,000 over 5 years, funded from the Supporting Families grant and the council's digital reserve. Estimated benefit £210,000 a year in avoided escalation, which is not cashable.</p>",
        "management_case": "<p>The Director of Children's Services is the senior responsible owner. The Data Protection Officer sits on the project board. We will review the data protection impact assessment at each phase.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Workers keep checking several systems and emailing partners.",
                "whole_life_cost": 0,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Multi-agency information hub",
                "description": "A staffed team gathers information by phone and email for each referral.",
                "whole_life_cost": 1250000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Shared digital view",
                "description": "A shared record of which services are involved, with role-based access and audit.",
                "whole_life_cost": 980000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 980000,
        "annual_benefit": 210000,
        "payback_months": 56,
        "funding_source": "Supporting Families grant and council digital reserve",
        "approved_by": "Cabinet",
        "approval_date": "2022-04-05",
        "documents": ["kirklees-early-help-dpia"],
        "body": [],
    },
    {
        "slug": "garden-waste-online-subscriptions",
        "title": "Garden waste subscriptions online: full business case",
        "summary": "South Somerset's full business case to move garden waste subscriptions online and drop paper stickers. Whole life cost £118,000 over 5 years, saving £41,000 a year.",
        "organisations": ["SSO", "MEN"],
        "service_areas": ["waste-and-recycling"],
        "tags": ["garden-waste", "payments", "bins", "automation"],
        "principles": [1, 2],
        "date": "2020-07-20",
        "stage": "fbc",
        "strategic_case": "<p>About 29,000 households subscribe to garden waste collection. Renewals rely on phone, post and paper stickers. The spring rush needs temporary staff and stickers often arrive late.</p>",
        "economic_case": "<p>We compared doing nothing, an online form with stickers still posted, and a fully online subscription with permits sent to crews' devices. The fully online option saves the most, because it removes printing and posting.</p>",
        "commercial_case": "<p>We will build on our existing forms platform. We will agree a small change with our waste contractor to show permit numbers on in-cab devices.</p>",
        "financial_case": "<p>One-off cost £58,000. Running costs about £12,000 a year. Savings of £41,000 a year from staff, printing and postage.</p>",
        "management_case": "<p>The Head of Environmental Services is the senior responsible owner. We will launch before the 2021 renewal season and keep phone renewals for those who need them.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Keep phone and post renewals with paper stickers.",
                "whole_life_cost": 265000,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Online form, stickers still posted",
                "description": "Residents renew online but still receive a sticker.",
                "whole_life_cost": 190000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Fully online subscription, no stickers",
                "description": "Online renewal with permits sent to crews' in-cab devices.",
                "whole_life_cost": 118000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 118000,
        "annual_benefit": 41000,
        "payback_months": 17,
        "funding_source": "Invest to save reserve",
        "approved_by": "District Executive",
        "approval_date": "2020-08-06",
        "documents": [],
        "body": [
            (
                "callout",
                {
                    "text": "<p>South Somerset District Council was replaced by Somerset Council on 1 April 2023.</p>"
                },
            ),
        ],
    },
    {
        "slug": "online-financial-assessment",
        "title": "Online financial assessment for adult social care: outline business case",
        "summary": "Durham's outline business case for an online financial assessment with a quick estimate. Whole life cost £430,000 over 5 years, with benefits of £175,000 a year.",
        "organisations": ["DUR"],
        "service_areas": ["adult-social-care", "finance-and-procurement"],
        "tags": ["adult-social-care", "g-cloud", "forms"],
        "principles": [1, 2],
        "date": "2023-02-27",
        "stage": "obc",
        "strategic_case": "<p>People wait 26 days on average for a financial assessment, and 30% of visits need a second visit. Delays mean people start care without knowing what they will pay, and some are later billed for backdated charges.</p>",
        "economic_case": "<p>We compared doing nothing, more assessment officers, and an online assessment with a quick estimate. The online option cuts waiting times the most and frees officers to visit people who need it.</p>",
        "commercial_case": "<p>We will buy a calculator through G-Cloud on a 3-year contract. The supplier must update charging rules each April.</p>",
        "financial_case": "<p>One-off cost £110,000 and running costs £64,000 a year. Expected benefits of £175,000 a year from officer time and fewer unpaid backdated charges.</p>",
        "management_case": "<p>The Head of Adult Social Care Finance is the senior responsible owner. A carers' organisation will help us test the service.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Visits only. Waiting times stay at about 26 days.",
                "whole_life_cost": 0,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Recruit 4 more assessment officers",
                "description": "Shorter waits but no change to the process.",
                "whole_life_cost": 820000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Online assessment with quick estimate",
                "description": "A G-Cloud calculator with evidence upload, keeping visits for those who need them.",
                "whole_life_cost": 430000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 430000,
        "annual_benefit": 175000,
        "payback_months": 18,
        "funding_source": "Adult social care transformation budget",
        "approved_by": "Adult and Health Services Management Team",
        "approval_date": "2023-03-21",
        "documents": ["durham-fa-requirements"],
        "body": [],
    },
    {
        "slug": "temporary-accommodation-service",
        "title": "Temporary accommodation service redesign: strategic outline case",
        "summary": "Lambeth's strategic outline case for redesigning how it communicates with households in temporary accommodation and manages property information. Estimated whole life cost £1.4 million over 5 years.",
        "organisations": ["LBH"],
        "service_areas": ["housing"],
        "tags": ["homelessness", "housing", "user-research"],
        "principles": [1, 3, 4],
        "date": "2024-11-11",
        "stage": "soc",
        "strategic_case": "<p>Spending on temporary accommodation has risen sharply and about 4,000 households are placed at any time. Households lack information about their placement and officers spend much of their time answering update calls. Property information is held in several spreadsheets.</p>",
        "economic_case": "<p>We will explore 3 options in discovery and alpha before an outline business case. Early estimates suggest better communication and property data could reduce placement breakdowns and the use of the most expensive nightly-paid accommodation.</p>",
        "commercial_case": "<p>We will buy discovery and alpha through Digital Outcomes and Specialists, and decide on build or buy for beta in the outline business case.</p>",
        "financial_case": "<p>Estimated whole life cost £1.4 million over 5 years. Estimated benefit £650,000 a year, mostly from fewer placement breakdowns and shorter stays in nightly-paid accommodation. These estimates are uncertain and will be tested in alpha.</p>",
        "management_case": "<p>The Director of Housing Needs is the senior responsible owner. People with lived experience of temporary accommodation will join the project board.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Continue with current processes and spreadsheets.",
                "whole_life_cost": 0,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Process changes only",
                "description": "More officers and scripted update calls, no new technology.",
                "whole_life_cost": 1900000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Redesigned service with digital updates and shared property data",
                "description": "Proactive updates, a placement page and one property record, tested through discovery and alpha first.",
                "whole_life_cost": 1400000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 1400000,
        "annual_benefit": 650000,
        "payback_months": 26,
        "funding_source": "Homelessness Prevention Grant and housing transformation budget",
        "approved_by": "Housing Programme Board",
        "approval_date": "2024-12-03",
        "documents": ["lambeth-ta-discovery"],
        "body": [],
    },
    {
        "slug": "blue-badge-online-service",
        "title": "Blue Badge online service: full business case",
        "summary": "Glasgow's full business case to redesign Blue Badge applications around evidence the council can check itself. Whole life cost £230,000 over 5 years, saving £88,000 a year.",
        "organisations": ["GLG"],
        "service_areas": ["adult-social-care", "parking"],
        "tags": ["blue-badge", "forms", "data-sharing", "accessibility"],
        "principles": [1, 3],
        "date": "2020-11-30",
        "stage": "fbc",
        "strategic_case": "<p>Nearly half of the 20,000 Blue Badge applications we receive each year arrive incomplete. Decisions take up to 10 weeks. Disabled people are waiting too long for a badge that helps them live independently.</p>",
        "economic_case": "<p>We compared doing nothing, temporary staff to clear the backlog, and a redesigned online service that checks eligibility and reuses renewal information. The redesign tackles the cause of delay and costs least over 5 years.</p>",
        "commercial_case": "<p>We will design and build in-house and use existing data sharing services. User research with disabled people's organisations will be commissioned separately.</p>",
        "financial_case": "<p>One-off cost £118,000. Running costs about £22,000 a year. Savings of £88,000 a year in processing time.</p>",
        "management_case": "<p>The Head of Customer and Business Services is the senior responsible owner. A panel of Blue Badge holders will test each release.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Current form and processes. Backlogs continue.",
                "whole_life_cost": 440000,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Temporary staff",
                "description": "Clear the backlog with 4 temporary staff each year.",
                "whole_life_cost": 610000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Redesigned online service",
                "description": "Check eligibility where possible, reuse renewal details and explain routes clearly.",
                "whole_life_cost": 230000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 230000,
        "annual_benefit": 88000,
        "payback_months": 16,
        "funding_source": "Council transformation fund",
        "approved_by": "City Administration Committee",
        "approval_date": "2021-01-14",
        "documents": ["glasgow-blue-badge-research"],
        "body": [],
    },
    {
        "slug": "waste-services-platform",
        "title": "Waste services platform: outline business case",
        "summary": "Stockport's outline business case for a waste services platform connecting online forms to in-cab devices. Whole life cost £395,000 over 5 years, saving £190,000 a year.",
        "organisations": ["SKP"],
        "service_areas": ["waste-and-recycling", "customer-services"],
        "tags": ["bins", "g-cloud", "integration", "garden-waste"],
        "principles": [1, 2],
        "date": "2021-03-22",
        "stage": "obc",
        "strategic_case": "<p>Missed bin calls are our largest single call type, at about 4,800 a month. Many lead to return visits for bins that were never put out. Crews already record this, but nobody else can see it.</p>",
        "economic_case": "<p>We compared doing nothing, a custom integration with our CRM, and a G-Cloud platform that connects to in-cab devices. The platform option is quickest to deliver and also supports bulky and garden waste.</p>",
        "commercial_case": "<p>We will call off from G-Cloud for 24 months with a 12-month extension option. We will require open APIs so that we can change platform later.</p>",
        "financial_case": "<p>One-off cost £90,000 and running costs about £61,000 a year. Savings of £190,000 a year from fewer calls and fewer return visits.</p>",
        "management_case": "<p>The Head of Waste Services is the senior responsible owner. Depot supervisors will help design exception codes and train crews.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Phone reporting continues with no access to crew data.",
                "whole_life_cost": 950000,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Custom CRM integration",
                "description": "Build our own link from the CRM to in-cab devices.",
                "whole_life_cost": 520000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "G-Cloud waste services platform",
                "description": "A cloud platform connected to in-cab devices, covering missed bins, bulky and garden waste.",
                "whole_life_cost": 395000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 395000,
        "annual_benefit": 190000,
        "payback_months": 18,
        "funding_source": "Invest to save reserve",
        "approved_by": "Cabinet Member for Climate Change and Environment",
        "approval_date": "2021-04-13",
        "documents": ["stockport-waste-brief"],
        "body": [],
    },
    {
        "slug": "planning-validation-rollout",
        "title": "Planning validation checks: strategic outline case for wider rollout",
        "summary": "Barnet's strategic outline case, with 2 partner councils, to take the planning validation alpha into beta and offer it to other councils. Whole life cost £1.1 million over 5 years across the partnership.",
        "organisations": ["BNE", "BUC", "DNC"],
        "service_areas": ["planning-and-building-control"],
        "tags": ["planning", "local-digital-fund", "open-source", "reuse"],
        "principles": [2, 4, 5],
        "date": "2022-03-28",
        "stage": "soc",
        "strategic_case": "<p>In our alpha, checks before submission cut invalid householder applications from 52% to 31%. Invalid applications delay decisions and take up officer time that is already stretched. The work supports national plans for better planning data.</p>",
        "economic_case": "<p>We compared stopping after alpha, each council building its own checks, and a shared beta run by the partnership. A shared beta costs each council far less than building alone, and the saving grows as more councils join.</p>",
        "commercial_case": "<p>We will buy beta through Digital Outcomes and Specialists, led by one council on behalf of the partnership. All code stays open source. Partner councils will sign a collaboration agreement that sets out cost sharing.</p>",
        "financial_case": "<p>Whole life cost £1.1 million over 5 years, shared between partners. Estimated benefit £320,000 a year across 3 councils from officer time, rising as other councils join.</p>",
        "management_case": "<p>A board with one senior officer from each council. Barnet's Head of Planning is the senior responsible owner. We will publish fortnightly notes as we did in alpha.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "Stop after alpha. Invalid applications stay at about half.",
                "whole_life_cost": 0,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Each council builds its own checks",
                "description": "Three separate builds with no sharing.",
                "whole_life_cost": 2400000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "Shared beta run by the partnership",
                "description": "One open-source service, offered to other councils.",
                "whole_life_cost": 1100000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 1100000,
        "annual_benefit": 320000,
        "payback_months": 41,
        "funding_source": "Partner council contributions and a bid to the Local Digital Fund",
        "approved_by": "Partnership board",
        "approval_date": "2022-04-26",
        "documents": ["planning-validation-report"],
        "body": [],
    },
    {
        "slug": "school-admissions-system-replacement",
        "title": "School admissions and transport system replacement: outline business case",
        "summary": "Kent's outline business case to replace its school admissions and transport eligibility system before the current contract ends. Whole life cost £1.45 million over 7 years.",
        "organisations": ["KEN"],
        "service_areas": ["education-and-skills"],
        "tags": ["school-admissions", "api", "forms"],
        "principles": [1, 2, 4],
        "date": "2026-06-15",
        "stage": "obc",
        "strategic_case": "<p>The admissions system contract ends in 2027. The parent-facing application works well after earlier redesign, but the system behind it is hard to change and shares data poorly with transport and SEND teams. About 35,000 families apply each year.</p>",
        "economic_case": "<p>We compared extending the current contract, a like-for-like replacement, and a new system with open APIs behind our own parent-facing front end. The preferred option costs a little more at first but lets us change suppliers later without redesigning the parent journey.</p>",
        "commercial_case": "<p>We will use the competitive flexible procedure under the Procurement Act 2023, with a demonstration stage using real admissions scenarios.</p>",
        "financial_case": "<p>Whole life cost £1.45 million over 7 years, including migration. Benefits of £190,000 a year from reduced manual data transfer to transport and SEND teams.</p>",
        "management_case": "<p>The Director of Education is the senior responsible owner. We will avoid going live during an admissions round and run the old and new systems in parallel for one in-year cycle.</p>",
        "options": [
            {
                "name": "Do nothing",
                "description": "The contract ends in 2027 and cannot be extended further.",
                "whole_life_cost": None,
                "is_do_nothing": True,
                "is_preferred": False,
            },
            {
                "name": "Like-for-like replacement",
                "description": "A new system with the supplier's own parent front end.",
                "whole_life_cost": 1300000,
                "is_do_nothing": False,
                "is_preferred": False,
            },
            {
                "name": "New system with open APIs behind our own front end",
                "description": "Keep the redesigned parent application and connect it to a new back-office system.",
                "whole_life_cost": 1450000,
                "is_do_nothing": False,
                "is_preferred": True,
            },
        ],
        "whole_life_cost": 1450000,
        "annual_benefit": 190000,
        "payback_months": 92,
        "funding_source": "Education capital programme",
        "approved_by": "Cabinet Member for Education",
        "approval_date": "2026-07-09",
        "documents": ["kent-admissions-brief"],
        "body": [
            (
                "paragraph",
                "<p>Doing nothing is not a real option because the contract ends. We include it to show the risk of having no system for the 2028 admissions round.</p>",
            ),
        ],
    },
]

SERVICE_PATTERNS = [
    {
        "slug": "report-a-housing-repair",
        "title": "Report a housing repair",
        "summary": "A pattern for letting council tenants report, book and track a repair online, with the right trade and priority chosen from simple questions.",
        "organisations": ["HCK", "CRF"],
        "service_areas": ["housing"],
        "tags": ["repairs", "housing", "open-source", "reuse"],
        "principles": [1, 2],
        "date": "2023-07-03",
        "maturity": "live",
        "user_needs": "<ul><li>As a tenant, I need to report a repair when it suits me, so that I do not have to wait on the phone.</li><li>As a tenant, I need to know when someone will come, so that I can be in.</li><li>As a repairs planner, I need the right trade and priority on each job, so that the first visit fixes the problem.</li></ul>",
        "when_to_use": "<p>Use this pattern for responsive repairs to council or housing association homes, where the repairs system can accept jobs through an API.</p>",
        "when_not_to_use": "<p>Do not use it for emergencies, such as gas leaks or flooding. Send people to a phone number straight away. Do not use it for damp and mould reports without a route to a person, because these often need an inspection and a conversation.</p>",
        "components_and_standards": "<ul><li>GOV.UK Design System: question pages, radios, check answers, confirmation page</li><li>Address lookup using the local land and property gazetteer</li><li>GOV.UK Notify for confirmations and reminders</li><li>Open API to the repairs management system</li><li>WCAG 2.2 AA</li></ul>",
        "research": "<p>Tested with more than 60 tenants across 2 councils, including older tenants and tenants using screen readers. Tenants preferred describing the problem in their own words first, then answering questions about location and trade.</p>",
        "known_issues": "<ul><li>Appointment slots depend on the contractor's scheduling system. Some systems cannot offer slots in real time.</li><li>Photos help, but large uploads fail on slow connections. Compress them in the browser.</li></ul>",
        "steps": [
            {
                "title": "Check it is not an emergency",
                "description": "<p>Start by asking about emergencies, such as no heating in winter, gas smells or water leaking onto electrics. Give the emergency phone number and stop.</p>",
            },
            {
                "title": "Find the property",
                "description": "<p>Use address lookup and match to the tenancy. Let a household member report for the tenant.</p>",
            },
            {
                "title": "Describe the problem",
                "description": "<p>Ask where the problem is, then what it is, using a short question tree that sets the trade and priority. Offer a free-text description and an optional photo.</p>",
            },
            {
                "title": "Book an appointment",
                "description": "<p>Show real available slots. If none are available, say when the tenant will be contacted.</p>",
            },
            {
                "title": "Confirm and remind",
                "description": "<p>Show a reference number and send a confirmation. Send a reminder the day before the visit, with a way to rearrange.</p>",
            },
            {
                "title": "Track the repair",
                "description": "<p>Let tenants see the status of open repairs and rate the repair afterwards.</p>",
            },
        ],
        "lgsl_services": [141, 147],
        "documents": ["hackney-repairs-brief"],
        "body": [
            (
                "paragraph",
                "<p>Two councils use this pattern. One added a full Welsh-language version.</p>",
            ),
        ],
    },
    {
        "slug": "report-a-missed-bin-collection",
        "title": "Report a missed bin collection",
        "summary": "A pattern for reporting a missed bin that checks what the crew recorded first, so residents get an answer and crews avoid wasted return visits.",
        "organisations": ["SKP", "DRS", "LGA"],
        "service_areas": ["waste-and-recycling"],
        "tags": ["bins", "integration", "customer-portal", "user-research"],
        "principles": [1, 2],
        "date": "2022-12-05",
        "maturity": "live",
        "user_needs": "<ul><li>As a resident, I need to know if my bin will still be collected, so that I know whether to leave it out.</li><li>As a resident, I need to know why my bin was missed, so that I can put it right next time.</li><li>As a crew supervisor, I need only valid reports, so that crews do not go back for bins that were not out.</li></ul>",
        "when_to_use": "<p>Use this pattern when collection vehicles have in-cab devices that record round progress and exceptions.</p>",
        "when_not_to_use": "<p>Without in-cab data, the pattern still works, but you cannot tell residents why a bin was missed. Do not use it for assisted collections, where a missed bin may mean someone vulnerable has no help. Route these to a person.</p>",
        "components_and_standards": "<ul><li>Address lookup using the local land and property gazetteer</li><li>Round status and exception data from in-cab systems</li><li>GOV.UK Design System components</li><li>Notifications through GOV.UK Notify</li></ul>",
        "research": "<p>Research with 34 residents, 12 contact centre staff and 9 crew members. Residents accepted a missed collection far more easily when they were told why.</p>",
        "known_issues": "<ul><li>Crew exception data is only as good as the in-cab screens. Involve crews in designing exception codes.</li><li>Communal bins at flats need a different flow, because one report may cover many households.</li></ul>",
        "steps": [
            {
                "title": "Find the address",
                "description": "<p>Use address lookup and show the collection day and bin types for the property.</p>",
            },
            {
                "title": "Choose the bin",
                "description": "<p>Ask which bin was missed. Show only bins due that day.</p>",
            },
            {
                "title": "Check the round",
                "description": "<p>If the round is still running, ask the resident to check again after the finish time. If the crew recorded a problem, explain it and say what to do next.</p>",
            },
            {
                "title": "Take the report",
                "description": "<p>Accept the report and send it to the depot work list. Give a return collection date.</p>",
            },
            {
                "title": "Confirm",
                "description": "<p>Show and send a confirmation with the reference and the return date.</p>",
            },
        ],
        "lgsl_services": [524, 533],
        "documents": ["missed-bin-research"],
        "body": [
            (
                "key_figures",
                {
                    "figures": [
                        {"value": "52%", "label": "fewer missed bin calls in one council"},
                        {"value": "1 working day", "label": "target for a return collection"},
                    ]
                },
            ),
        ],
    },
    {
        "slug": "apply-for-single-person-discount",
        "title": "Apply for a council tax single person discount",
        "summary": "A pattern for applying for the 25% council tax single person discount online, with checks against council tax records and a simple way to confirm eligibility during reviews.",
        "organisations": ["MAN", "NYE"],
        "service_areas": ["council-tax-and-benefits"],
        "tags": ["council-tax", "forms", "automation", "data-sharing"],
        "principles": [1, 3],
        "date": "2024-04-22",
        "maturity": "beta",
        "user_needs": "<ul><li>As someone who lives alone, I need to claim my discount quickly, so that my bill is correct.</li><li>As someone being reviewed, I need an easy way to say I still qualify, so that I do not lose a discount I am entitled to.</li></ul>",
        "when_to_use": "<p>Use this pattern for new single person discount applications and for periodic reviews of existing discounts.</p>",
        "when_not_to_use": "<p>Do not use it for disregards, such as for students or carers, which need different evidence. Link to separate forms for those.</p>",
        "components_and_standards": "<ul><li>Council tax account lookup by account number and postcode</li><li>Integration with the revenues system to post applications directly</li><li>GOV.UK Design System: date input, radios, check answers</li></ul>",
        "research": "<p>Tested with 25 residents in 2 councils. People were unsure whether adult children or lodgers count. Plain examples on the question page removed most errors.</p>",
        "known_issues": "<ul><li>Start dates are the most common error. Ask for the date the other adult moved out, not the date of the application.</li><li>Some revenues systems cannot accept an application through an API, so staff still rekey.</li></ul>",
        "steps": [
            {
                "title": "Find the account",
                "description": "<p>Ask for the council tax account number and postcode, or offer address lookup.</p>",
            },
            {
                "title": "Check eligibility",
                "description": "<p>Ask whether any other adults aged 18 or over live there, with examples of who counts.</p>",
            },
            {
                "title": "Ask for the start date",
                "description": "<p>Ask when the person started living alone.</p>",
            },
            {
                "title": "Check answers and declare",
                "description": "<p>Show a summary and ask the person to confirm the information is true.</p>",
            },
            {
                "title": "Apply the discount",
                "description": "<p>Post the application to the revenues system and tell the person when they will get an updated bill.</p>",
            },
        ],
        "lgsl_services": [59, 57],
        "documents": [],
        "body": [],
    },
    {
        "slug": "apply-for-a-blue-badge",
        "title": "Apply for or renew a Blue Badge",
        "summary": "A pattern for Blue Badge applications and renewals that explains the route first, checks eligibility where the council can, and reuses details on renewal.",
        "organisations": ["GLG", "PKN"],
        "service_areas": ["adult-social-care", "parking"],
        "tags": ["blue-badge", "forms", "accessibility", "data-sharing"],
        "principles": [1, 3],
        "date": "2022-06-20",
        "maturity": "live",
        "user_needs": "<ul><li>As a disabled person, I need to know if I am likely to qualify before I start, so that I do not waste effort.</li><li>As someone renewing, I need to avoid repeating evidence that has not changed.</li><li>As a carer, I need to apply on behalf of the person I care for.</li></ul>",
        "when_to_use": "<p>Use this pattern for new applications and renewals where applications are sent to the national Blue Badge system.</p>",
        "when_not_to_use": "<p>Do not use it for organisational badges, which need different evidence and checks.</p>",
        "components_and_standards": "<ul><li>Eligibility route checker at the start</li><li>Photo upload with examples of acceptable photos</li><li>Integration with the national Blue Badge system</li><li>WCAG 2.2 AA, tested with disabled users</li></ul>",
        "research": "<p>Research with 41 applicants and carers and 3 disabled people's organisations. Photos were the most common reason for an incomplete application.</p>",
        "known_issues": "<ul><li>Automatic eligibility checks depend on data sharing arrangements that differ between nations.</li><li>Some people cannot take a suitable photo themselves. Offer a way to have one taken at a council office or library.</li></ul>",
        "steps": [
            {
                "title": "Explain the routes",
                "description": "<p>Explain who is eligible automatically and who needs a further assessment, before the person starts.</p>",
            },
            {
                "title": "Check for a renewal",
                "description": "<p>If the person has a badge, ask whether anything has changed and reuse details if not.</p>",
            },
            {
                "title": "Confirm eligibility",
                "description": "<p>Check qualifying benefits where data sharing allows. Ask for evidence only when it cannot be checked.</p>",
            },
            {
                "title": "Add a photo",
                "description": "<p>Show examples of good and bad photos and check the upload.</p>",
            },
            {
                "title": "Pay and submit",
                "description": "<p>Take the fee where one applies and send the application to the national system.</p>",
            },
        ],
        "lgsl_services": [279, 274],
        "documents": ["glasgow-blue-badge-research"],
        "body": [],
    },
    {
        "slug": "apply-for-a-parking-permit",
        "title": "Apply for a resident parking permit",
        "summary": "A pattern for applying for a virtual resident parking permit with instant approval, using council tax and vehicle data checks instead of paper evidence.",
        "organisations": ["ISL", "CMD"],
        "service_areas": ["parking"],
        "tags": ["parking", "payments", "api", "customer-portal"],
        "principles": [1, 2],
        "date": "2021-09-13",
        "maturity": "live",
        "user_needs": "<ul><li>As a resident, I need a permit quickly, so that I can park near my home without a fine.</li><li>As a resident, I need to change the vehicle on my permit when I change car.</li><li>As a civil enforcement officer, I need to check a permit from the registration number.</li></ul>",
        "when_to_use": "<p>Use this pattern for resident permits in controlled parking zones where enforcement officers can check virtual permits.</p>",
        "when_not_to_use": "<p>Do not use instant approval for business, trade or medical permits, which need manual checks.</p>",
        "components_and_standards": "<ul><li>Address check against council tax records, with consent</li><li>Vehicle check through the DVLA vehicle enquiry service</li><li>Emissions-based pricing</li><li>Card payment</li></ul>",
        "research": "<p>Residents worried that nobody would know they had a permit without a paper one. A clear confirmation and a page to check your permit solved this.</p>",
        "known_issues": "<ul><li>Lease and company cars are not registered to the resident. They need a manual route with evidence.</li><li>Residents who have just moved may not yet be on council tax records.</li></ul>",
        "steps": [
            {
                "title": "Check the zone",
                "description": "<p>Use address lookup to confirm the address is in a controlled parking zone.</p>",
            },
            {
                "title": "Check the address",
                "description": "<p>With consent, check the person against council tax records. Ask for evidence only if the check fails.</p>",
            },
            {
                "title": "Check the vehicle",
                "description": "<p>Ask for the registration number and confirm make, colour and emissions.</p>",
            },
            {
                "title": "Pay",
                "description": "<p>Show the price, based on emissions and permit length, and take payment.</p>",
            },
            {
                "title": "Confirm",
                "description": "<p>Confirm the permit is active and explain that no paper permit is needed.</p>",
            },
        ],
        "lgsl_services": [474, 471],
        "documents": [],
        "body": [],
    },
    {
        "slug": "book-a-bulky-waste-collection",
        "title": "Book a bulky waste collection",
        "summary": "A pattern for booking and paying for the collection of large household items, with prices worked out from the items chosen and real collection dates.",
        "organisations": ["BFS", "SWA", "MEA"],
        "service_areas": ["waste-and-recycling"],
        "tags": ["bins", "payments", "customer-portal", "low-code"],
        "principles": [1, 2],
        "date": "2023-03-13",
        "maturity": "live",
        "user_needs": "<ul><li>As a resident, I need to know what it will cost before I book.</li><li>As a resident, I need a date that suits me.</li><li>As a crew, we need to know exactly what to collect and where it will be.</li></ul>",
        "when_to_use": "<p>Use this pattern for paid or free bulky waste collections booked by residents.</p>",
        "when_not_to_use": "<p>Do not use it for hazardous waste, such as asbestos, or for trade waste. Route those to separate services.</p>",
        "components_and_standards": "<ul><li>Item picker with prices</li><li>Collection dates from round capacity</li><li>Card payment</li><li>Bilingual content where required, for example in Wales</li></ul>",
        "research": "<p>Tested in 3 councils. Residents preferred choosing items from a list with pictures. Photos of how to present items reduced failed collections more than text instructions.</p>",
        "known_issues": "<ul><li>Item lists grow over time. Review them every year and merge rarely used items.</li><li>Residents who cannot move items outside need an assisted route.</li></ul>",
        "steps": [
            {
                "title": "Find the address",
                "description": "<p>Use address lookup and check the property is eligible.</p>",
            },
            {
                "title": "Choose items",
                "description": "<p>Let residents pick items from a list. Work out the price and the number of slots needed.</p>",
            },
            {
                "title": "Choose a date",
                "description": "<p>Show real dates with capacity for the items chosen.</p>",
            },
            {
                "title": "Pay",
                "description": "<p>Take payment, or confirm a free collection where one applies.</p>",
            },
            {
                "title": "Confirm and explain",
                "description": "<p>Send a confirmation with a photo guide to what to put out, where and when.</p>",
            },
        ],
        "lgsl_services": [528],
        "documents": [],
        "body": [
            (
                "paragraph",
                "<p>In Wales, the service must be offered in Welsh and English. One council using this pattern publishes both.</p>",
            ),
        ],
    },
    {
        "slug": "subscribe-to-garden-waste",
        "title": "Subscribe to a garden waste collection",
        "summary": "A pattern for subscribing and renewing garden waste collections online, with permits sent to crews' devices instead of paper stickers.",
        "organisations": ["GWN", "SSO"],
        "service_areas": ["waste-and-recycling"],
        "tags": ["garden-waste", "payments", "gov-uk-notify", "welsh-language"],
        "principles": [1, 2],
        "date": "2022-02-14",
        "maturity": "live",
        "user_needs": "<ul><li>As a resident, I need to subscribe or renew quickly, so that my collections carry on.</li><li>As a resident, I need a reminder before my subscription ends.</li><li>As a crew, we need to know which bins to empty.</li></ul>",
        "when_to_use": "<p>Use this pattern for paid garden waste services with annual subscriptions.</p>",
        "when_not_to_use": "<p>If garden waste collection is free, you do not need a subscription. Use a simple request form for a new bin instead.</p>",
        "components_and_standards": "<ul><li>Address lookup and eligibility check</li><li>Card payment, with an option for more than one bin</li><li>Permit numbers sent to in-cab devices</li><li>Reminders through GOV.UK Notify</li><li>Welsh and English content where required</li></ul>",
        "research": "<p>Residents valued early reminders and being able to add a second bin. Nobody asked for paper stickers once they understood crews could see their permit.</p>",
        "known_issues": "<ul><li>The renewal rush causes payment spikes. Check your payment provider can handle peak volumes.</li><li>Refunds for missed collections need a clear policy.</li></ul>",
        "steps": [
            {
                "title": "Check the address",
                "description": "<p>Confirm the property is in the collection area and show the collection day.</p>",
            },
            {
                "title": "Choose the number of bins",
                "description": "<p>Ask how many bins and show the price.</p>",
            },
            {"title": "Pay", "description": "<p>Take payment and create the subscription.</p>"},
            {
                "title": "Tell the crews",
                "description": "<p>Send the permit to in-cab devices so the bin is collected from the next round.</p>",
            },
            {
                "title": "Remind before renewal",
                "description": "<p>Send a reminder 3 weeks before the subscription ends, and another a week before.</p>",
            },
        ],
        "lgsl_services": [530],
        "documents": [],
        "body": [
            (
                "quote",
                {
                    "quote": "Mae'r gwasanaeth ar gael yn Gymraeg ac yn Saesneg. The service is available in Welsh and English.",
                    "attribution": "From the service's start page",
                },
            ),
        ],
    },
    {
        "slug": "report-a-pothole",
        "title": "Report a pothole or road defect",
        "summary": "A pattern for reporting potholes and other road defects with a map pin, showing existing reports first to cut duplicates, and sending status updates.",
        "organisations": ["SMT", "SOM"],
        "service_areas": ["highways-and-transport"],
        "tags": ["potholes", "open-source", "customer-portal"],
        "principles": [1, 2],
        "date": "2024-05-07",
        "maturity": "live",
        "user_needs": "<ul><li>As a road user, I need to report a defect quickly and accurately.</li><li>As a road user, I need to know if someone has already reported it.</li><li>As an inspector, I need an exact location so that I can find the defect.</li></ul>",
        "when_to_use": "<p>Use this pattern for defects on roads and pavements the council maintains.</p>",
        "when_not_to_use": "<p>Do not use it for motorways and trunk roads, which national highways bodies maintain. Do not use it for dangerous defects that need an immediate response. Give a phone number instead.</p>",
        "components_and_standards": "<ul><li>Map with pin placement and current location</li><li>Nearby existing reports</li><li>Optional photo upload</li><li>Integration with the highways asset management system</li></ul>",
        "research": "<p>People were happy to follow an existing report instead of making a new one, if they could see it was the same defect.</p>",
        "known_issues": "<ul><li>Maps are hard to use with a screen reader. Offer a text alternative using a street name and nearest landmark.</li><li>Reports on roads the council does not maintain need clear redirection.</li></ul>",
        "steps": [
            {
                "title": "Place a pin",
                "description": "<p>Ask the person to place a pin on a map, or use their current location.</p>",
            },
            {
                "title": "Show nearby reports",
                "description": "<p>Show open reports nearby and let the person follow one.</p>",
            },
            {
                "title": "Describe the defect",
                "description": "<p>Ask what kind of defect it is and roughly how big. Offer a photo upload.</p>",
            },
            {
                "title": "Send updates",
                "description": "<p>Send an update when an inspection is booked and when the repair is done.</p>",
            },
        ],
        "lgsl_services": [557, 537],
        "documents": [],
        "body": [],
    },
    {
        "slug": "apply-for-a-school-place",
        "title": "Apply for a school place",
        "summary": "A pattern for the coordinated school admissions application, showing past offer data next to each school and explaining how preferences work.",
        "organisations": ["KEN", "ESS"],
        "service_areas": ["education-and-skills"],
        "tags": ["school-admissions", "forms", "user-research"],
        "principles": [1],
        "date": "2020-08-10",
        "maturity": "beta",
        "user_needs": "<ul><li>As a parent, I need to understand my chances at each school, so that I can choose preferences sensibly.</li><li>As a parent, I need to know how ranking works, so that I do not harm my child's chances.</li><li>As a parent, I need reminders before the closing date.</li></ul>",
        "when_to_use": "<p>Use this pattern for coordinated primary and secondary admissions rounds.</p>",
        "when_not_to_use": "<p>In-year admissions and appeals follow different rules and need their own journeys.</p>",
        "components_and_standards": "<ul><li>School search with past offer data</li><li>Preference ranking with clear explanation</li><li>Reminders by email and text</li><li>WCAG 2.2 AA</li></ul>",
        "research": "<p>Tested with parents over 3 months, including parents with English as an additional language. Past offer data answered most questions.</p>",
        "known_issues": "<ul><li>Past offer data can mislead when admission arrangements change. Show a warning when they have.</li><li>Schools that are their own admission authority may need extra forms.</li></ul>",
        "steps": [
            {
                "title": "Check the timeline",
                "description": "<p>Show the opening and closing dates and the national offer day.</p>",
            },
            {
                "title": "Find schools",
                "description": "<p>Let parents search schools and see past offer data for each.</p>",
            },
            {
                "title": "Rank preferences",
                "description": "<p>Explain that ranking in real order of preference does not reduce a child's chances.</p>",
            },
            {
                "title": "Add supporting information",
                "description": "<p>Ask about siblings, special circumstances and any supplementary forms.</p>",
            },
            {
                "title": "Submit and remind",
                "description": "<p>Confirm the application and send reminders if it is started but not submitted.</p>",
            },
        ],
        "lgsl_services": [12, 13, 14],
        "documents": [],
        "body": [],
    },
    {
        "slug": "adult-social-care-financial-assessment",
        "title": "Adult social care financial assessment",
        "summary": "A pattern for finding out what you may pay towards your care, with a quick estimate anyone can use and a full online assessment a family member can complete.",
        "organisations": ["DUR", "PKN", "LGA"],
        "service_areas": ["adult-social-care", "finance-and-procurement"],
        "tags": ["adult-social-care", "forms", "accessibility", "reuse"],
        "principles": [1, 2],
        "date": "2025-02-17",
        "maturity": "beta",
        "user_needs": "<ul><li>As someone who needs care, I need to know roughly what I will pay before I decide.</li><li>As a family member, I need to complete the assessment for my parent.</li><li>As a financial assessment officer, I need complete evidence, so that I can confirm the charge quickly.</li></ul>",
        "when_to_use": "<p>Use this pattern for non-residential care charging assessments. The user journey works across the UK. The charging rules differ by nation, so keep them separate from the journey.</p>",
        "when_not_to_use": "<p>Do not use the quick estimate for residential care with property, deferred payment agreements or complex trusts. These need an officer.</p>",
        "components_and_standards": "<ul><li>Quick estimate without an account</li><li>Full assessment with evidence upload</li><li>Acting on behalf of someone, including under a power of attorney</li><li>Configurable charging rules for England, Scotland or Wales</li></ul>",
        "research": "<p>Most online assessments were completed by a son or daughter. The quick estimate was the most valued feature.</p>",
        "known_issues": "<ul><li>Benefit rates and allowances change every April. The calculator must be updated before then.</li><li>Some people find the questions about savings intrusive. Explain why each question is asked.</li></ul>",
        "steps": [
            {
                "title": "Offer a quick estimate",
                "description": "<p>Ask a few questions about income and savings and show an estimated weekly charge, clearly marked as an estimate.</p>",
            },
            {
                "title": "Explain what is free",
                "description": "<p>Explain which services are free and which may be charged for, using the rules for your nation.</p>",
            },
            {
                "title": "Start the full assessment",
                "description": "<p>Ask who is completing it and their relationship to the person.</p>",
            },
            {
                "title": "Collect income, savings and costs",
                "description": "<p>Ask about income, savings and disability-related costs, and let people upload evidence.</p>",
            },
            {
                "title": "Review and confirm",
                "description": "<p>An officer reviews the assessment and confirms the charge in writing.</p>",
            },
        ],
        "lgsl_services": [209, 287, 1743],
        "documents": ["durham-fa-requirements"],
        "body": [],
    },
    {
        "slug": "submit-a-planning-application",
        "title": "Submit a householder planning application",
        "summary": "An experimental pattern for householder planning applications that checks the site boundary, fee and required documents before submission, to reduce invalid applications.",
        "organisations": ["BNE", "BUC", "MHCLG"],
        "service_areas": ["planning-and-building-control"],
        "tags": ["planning", "local-digital-fund", "open-source", "automation"],
        "principles": [1, 2, 5],
        "date": "2022-01-24",
        "maturity": "experimental",
        "user_needs": "<ul><li>As a householder, I need to know what to submit, so that my application is not delayed.</li><li>As an agent, I need to submit quickly with few repeated questions.</li><li>As a validation officer, I need complete and correct applications.</li></ul>",
        "when_to_use": "<p>Use this pattern for householder applications, such as extensions and loft conversions.</p>",
        "when_not_to_use": "<p>It does not yet cover listed building consent, major applications or prior approval. Use existing routes for those.</p>",
        "components_and_standards": "<ul><li>Map-based boundary drawing checked against title boundaries</li><li>Fee calculator published as open code</li><li>Document checklist based on the application type</li><li>Planning data standards where available</li></ul>",
        "research": "<p>A pilot of 380 householder applications across 3 councils cut invalid applications from 52% to 31%.</p>",
        "known_issues": "<ul><li>Title boundaries do not always match the site. Allow an explanation instead of blocking submission.</li><li>Fee rules change. Keep the fee code in one shared place.</li></ul>",
        "steps": [
            {
                "title": "Find the site",
                "description": "<p>Use address lookup and show the site on a map.</p>",
            },
            {
                "title": "Draw the boundary",
                "description": "<p>Ask the applicant to draw or confirm the red line boundary.</p>",
            },
            {
                "title": "Describe the work",
                "description": "<p>Ask what the work is and work out the application type.</p>",
            },
            {
                "title": "Work out the fee",
                "description": "<p>Calculate the fee from the answers and explain it.</p>",
            },
            {
                "title": "Upload documents",
                "description": "<p>Show the documents needed for this type of application and check each is uploaded.</p>",
            },
            {
                "title": "Pay and submit",
                "description": "<p>Take payment and send the application to the council's planning system.</p>",
            },
        ],
        "lgsl_services": [516, 499],
        "documents": ["planning-validation-report"],
        "body": [
            (
                "callout",
                {
                    "text": "<p>This pattern is experimental. It was developed in an alpha funded by the Local Digital Fund.</p>"
                },
            ),
        ],
    },
    {
        "slug": "updates-for-households-in-temporary-accommodation",
        "title": "Keep households in temporary accommodation informed",
        "summary": "An experimental pattern for proactive updates to households in temporary accommodation: a named officer, what happens next, and text messages at key points.",
        "organisations": ["LBH"],
        "service_areas": ["housing"],
        "tags": ["homelessness", "housing", "gov-uk-notify", "user-research"],
        "principles": [1, 3],
        "date": "2025-10-13",
        "maturity": "experimental",
        "user_needs": "<ul><li>As a household in temporary accommodation, I need to know how long I am likely to stay, so that I can plan school and work.</li><li>As a household, I need to know who my officer is and how to reach them.</li><li>As an officer, I need fewer calls asking for updates, so that I can spend time moving people on.</li></ul>",
        "when_to_use": "<p>Use this pattern when the council owes a household a housing duty and has placed them in temporary accommodation.</p>",
        "when_not_to_use": "<p>Do not use automated messages for decisions, such as ending a duty or a property offer. These need a letter and a conversation.</p>",
        "components_and_standards": "<ul><li>Text and email updates through GOV.UK Notify</li><li>A simple placement page showing the address, named officer and next steps</li><li>Content written for people under stress: short sentences, one action at a time</li></ul>",
        "research": "<p>Tested in an alpha with 220 households. Calls asking for updates fell by 35% and most households knew their named officer.</p>",
        "known_issues": "<ul><li>Many households change phone numbers often. Check contact details at every conversation.</li><li>Estimated length of stay is uncertain. Give a range and explain why.</li></ul>",
        "steps": [
            {
                "title": "Confirm contact details",
                "description": "<p>At placement, confirm a mobile number and preferred language.</p>",
            },
            {
                "title": "Send a welcome message",
                "description": "<p>Send the address, the named officer and what happens next.</p>",
            },
            {
                "title": "Update at key points",
                "description": "<p>Send messages when a review is due, when the officer changes and when an offer is being prepared.</p>",
            },
            {
                "title": "Show the placement page",
                "description": "<p>Give a link to a page with the current placement and next steps.</p>",
            },
        ],
        "lgsl_services": [112, 92],
        "documents": ["lambeth-ta-discovery"],
        "body": [],
    },
]
