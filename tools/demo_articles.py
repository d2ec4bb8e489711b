"""The demo corpus's articles: original text written for Storyline.

Outlets, people, places and events are fictional. ``build_demo_corpus.py`` dresses each
article as its outlet's pages are dressed (appeals, widgets, icon rows, digests, encodings)
and writes the corpus and its gold labels.
"""

from __future__ import annotations

STORIES = [
    {"id": "ST1", "title": "Valdoria and Ostrelia dispute over the Strait of Maren"},
    {"id": "ST2", "title": "Dovrik dam collapse and its aftermath"},
    {"id": "ST3", "title": "Valdorian central bank raises rates to defend the crown"},
    {"id": "ST4", "title": "Port Selan dockworkers' strike"},
    {"id": "ST5", "title": "Recall of contaminated Medivane insulin"},
]

EVENTS = [
    {
        "id": "EV1",
        "story": "ST1",
        "date": "2023-01-10",
        "title": "Talks on the Strait of Maren collapse in Kirenvar",
    },
    {
        "id": "EV2",
        "story": "ST1",
        "date": "2023-02-07",
        "title": "Ostrelian coast guard seizes a Valdorian ferry",
    },
    {
        "id": "EV3",
        "story": "ST1",
        "date": "2023-03-14",
        "title": "Strait of Maren accord signed in Tessin",
    },
    {
        "id": "EV4",
        "story": "ST2",
        "date": "2023-02-20",
        "title": "Dovrik dam collapses, flooding the valley",
    },
    {
        "id": "EV5",
        "story": "ST2",
        "date": "2023-03-03",
        "title": "Government orders an inquiry into the dam collapse",
    },
    {
        "id": "EV6",
        "story": "ST3",
        "date": "2023-01-26",
        "title": "Central bank raises its rate to 6 percent",
    },
    {
        "id": "EV7",
        "story": "ST3",
        "date": "2023-04-12",
        "title": "Central bank raises its rate again, to 7 percent",
    },
    {
        "id": "EV8",
        "story": "ST4",
        "date": "2023-03-01",
        "title": "Dockworkers walk out at Port Selan",
    },
    {
        "id": "EV12",
        "story": "ST4",
        "date": "2023-03-14",
        "title": "Strike talks stall as the walkout enters a third week",
    },
    {"id": "EV9", "story": "ST4", "date": "2023-03-22", "title": "Strike ends with a wage deal"},
    {
        "id": "EV10",
        "story": "ST5",
        "date": "2023-04-04",
        "title": "Health agency recalls Medivane insulin batches",
    },
    {
        "id": "EV11",
        "story": "ST5",
        "date": "2023-04-18",
        "title": "Inspectors close the Medivane plant",
    },
]

# --- Story 1: the Strait of Maren -------------------------------------------------------------

MW_TALKS = [
    "Talks between Valdoria and Ostrelia over fishing and shipping rights in the Strait of Maren broke down on Tuesday after two days of meetings in the Ostrelian capital, officials from both sides said.",
    "Valdorian Foreign Minister Mireille Castanet left the talks early. “We came here to find a way through the strait, and we found a wall,” she told reporters outside the conference hall.",
    'Her Ostrelian counterpart, Tomas Brandt, said that Valdoria had refused to discuss a joint patrol and that the next move was up to Port Selan. "Our door stays open," he said. "But we will not sign away our own coast."',
    "About 40 percent of Valdoria's grain exports pass through the strait, which narrows to less than 12 kilometres at its tightest point.",
    "The two governments last met in late November, when they agreed to keep their navies out of the disputed channel until a deal was reached.",
]

KC_TALKS = [
    "The Ostrelian government said on Wednesday it was still ready to share patrols in the Strait of Maren, a day after talks with Valdoria ended without agreement in Kirenvar.",
    'Foreign Minister Tomas Brandt told parliament that the Valdorian delegation had walked out “before the coffee was cold." He said a joint patrol was the only way to stop smuggling in the channel.',
    'Opposition leader Hanna Reyes accused the government of wasting the talks. "The minister went in with a map and came out with nothing," she said.',
    "Brandt is expected to travel to Tessin next month to meet the mediator appointed by the Maritime Council, Arvo Lindqvist.",
]

VT_TALKS = [
    "The negotiations about the strait of Maren was ended without result in Kyrenvar, the foreign ministry of Valdoria has informed in the capital.",
    "Minister Mirielle Castanet said that the Ostrelian side have demanded the control of the the channel and this is not acceptable for our country.",
    "According to the ministry, the next round of talks is not planned. Fishermen in the port of Dovrik expressed worry due to of the closing of the strait for their boats.",
    '"We are waiting since years for a solution," said fisherman Paulo Brecht. "Each winter it becomes worse."',
]

HP_FERRY = [
    "An Ostrelian coast guard cutter seized a Valdorian passenger ferry in the Strait of Maren on Tuesday, holding 212 passengers and crew for nine hours before letting the vessel continue to Port Selan.",
    "The ferry, the Lady of Maren, was stopped about six kilometres from the Ostrelian coast, according to its operator, Selan Lines.",
    "“Armed men came on board and asked for papers we have carried for twenty years,” captain Jonas Halden said by telephone from the ferry.",
    "Valdoria's foreign ministry called the seizure “an act of piracy dressed in a uniform” and summoned Ostrelia's ambassador.",
    "In Kirenvar, the Ostrelian interior ministry said the cutter had acted on a tip about smuggled fuel and that no fuel was found.",
]

CD_FERRY = [
    "Valdoria summoned Ostrelia's ambassador on Wednesday after an Ostrelian coast guard cutter held a Valdorian ferry and its 212 passengers in the Strait of Maren for nine hours.",
    "Foreign Minister Mireille Cas tanet said the seizure on Tuesday broke the agreement both countries made in late November to keep armed vessels out of the channel.",
    '"If this is how Kirenvar keeps its word, we will need a referee," Castanet said at a news conference in Port Selan.',
    "Selan Lines said it would suspend its night crossings for at least two weeks.",
]

KC_FERRY = [
    "The Ostrelian interior ministry defended its coast guard on Wednesday, saying a search of a Valdorian ferry in the Strait of Maren was lawful and routine.",
    'Interior Minister Edda Sorel said the cutter\'s crew had received information about smuggled fuel. "We checked, we found nothing, and the ship went on its way," she said.',
    "Sorel rejected the Valdorian description of the search as piracy. She said Valdoria had searched Ostrelian fishing boats twice last month without complaint from anyone.",
]

MW_ACCORD = [
    "Valdoria and Ostrelia signed an agreement on Tuesday to share patrols and fishing rights in the Strait of Maren, ending a dispute that brought the neighbours close to a naval standoff in February.",
    "The accord, signed in Tessin by Foreign Ministers Mireille Castanet and Tomas Brandt, sets up a joint patrol of six vessels and divides the channel's fishing grounds along a line drawn by the mediator, Arvo Lindqvist.",
    "“Nobody won everything today, which is how you know it is a real agreement,” Lindqvist said after the signing.",
    "Castanet said that the accord would reopen night crossings for ferries within a month. Brandt called it “a border on the water that both sides can live with.”",
    "The deal must still be approved by both parliaments. Ostrelia's parliament is scheduled to vote on Friday.",
]
MW_ACCORD_CREDIT = "Meridian Wire writer Jana Oduya in Port Selan contributed to this report."

# --- Story 2: the Dovrik dam -----------------------------------------------------------------

MW_DAM = [
    "The Dovrik dam in northern Valdoria collapsed early on Monday, sending a wall of water through three villages and killing 41 people, the regional government said.",
    "Rescue teams searched flooded houses by boat throughout the day. More than 2,000 people were moved to schools and sports halls in the town of Maren Falls.",
    "“The water came faster than anyone could run,” said Ilse Brandvik, who escaped with her two children to the roof of a grain store.",
    "Engineers had warned last year that the dam, built in 1958, needed urgent repairs. Regional governor Kasimir Lund said he had asked the national government for money three times.",
    "Prime Minister Otto Valen, who will visit the valley on Wednesday, declared three days of national mourning.",
]
MW_DAM_CREDIT = "Meridian Wire writers Jana Oduya and Pieter Marsh contributed to this report."

KC_DAM = [
    "The death toll from the collapse of the Dovrik dam in Valdoria rose to 47 on Tuesday, according to Ostrelian volunteers who crossed the border to help with the rescue.",
    "Ostrelian rescuers said they had recovered six more bodies near the village of Aldeby, a day after the dam gave way.",
    "Valdorian officials have not confirmed the higher figure. Regional governor Kasimir Lund said on Monday that at least 41 people had died.",
    "Ostrelia sent four helicopters and a field hospital. “Water does not stop at borders, and neither do we,” said rescue coordinator Lars Engel.",
]

VT_DAM = [
    "The catastrophe of the Dovrik dam has shocked the whole country. The government has promised help for all the families who lost their houses.",
    "Prime minister Otto Valen visited the valley on Wednesday and said: “We will rebuild every house, and we will find who is responsible.”",
    "Many residents are still living in the school of Maren Falls. They complain that the help is arriving too slow.",
    "According to the engineers' union, the dam was not controlled since 2019.",
]

NG_INQUIRY = [
    "Valdoria's government on Friday ordered an independent inquiry into the collapse of the Dovrik dam, which killed dozens of people last month.",
    "Justice Minister Sofia Aro said the inquiry would be led by a retired supreme court judge, Helmut Kaas, and would report within six months.",
    'The inquiry will examine why warnings from engineers in 2022 were not acted on. "Families deserve to know who read those warnings and did nothing," Aro said.',
    'Opposition parties had demanded a parliamentary investigation. Their spokesman, Elias Moor, said the government was "choosing its own judge."',
]

MW_INQUIRY = [
    "Valdoria will hold an independent inquiry into the collapse of the Dovrik dam, Justice Minister Sofia Aro announced on Friday.",
    "Retired judge Helmut Kaas will lead the inquiry, which has the power to call ministers as witnesses. Aro said the first hearings would be held in April.",
    "The dam's operator, Northern Water Works, said it would cooperate fully. Its chief executive, Vera Lindahl, resigned last week.",
    "Families of the victims welcomed the decision but said they wanted the hearings to be public.",
]

# --- Story 3: the central bank ---------------------------------------------------------------

CD_RATE = [
    "The Central Bank of Valdoria raised its main interest rate by a full point to 6 percent on Thursday, its biggest increase in a decade, as it tried to stop the fall of the Valdorian crown.",
    "Governor Ilse Varga said that inflation had reached 11 percent in December and that the bank would not let it become permanent. “We would rather be blamed for a slow year than for a lost decade,” she said.",
    "The crown has lost about 15 percent of its value against the euro since October.",
    "Business groups criticised the move. The head of the Valdorian Chamber of Commerce, Rolf Dahl, said small companies would pay for the bank's late reaction.",
]

VT_RATE = [
    "The central bank has increased the interest rate to 6 percent. It is the most big increase since ten years.",
    "The governor Ilse Varga explained in the press conference that the prices are growing too fast and the bank must to act now.",
    "For the families with credits for houses the monthly payments will become more expensive already from March, the bank’s experts said.",
    "“We understand that this decision is painful,” Varga said. “But the inflation is more painful for everyone.”",
]

HP_RATE = [
    "Borrowers in Port Selan woke up on Friday to news that their mortgages are about to get more expensive, after the central bank lifted its main rate to 6 percent on Thursday.",
    'Estate agent Nora Vik said two buyers had already pulled out of deals in her office. "People were counting every crown before this," she said.',
    "The bank's governor, Ilse Varga, has said she expects inflation to fall below 8 percent by the end of the year.",
]

MW_RATE2 = [
    "The Central Bank of Valdoria raised its main interest rate to 7 percent on Wednesday, its second increase this year, saying inflation was falling more slowly than it had hoped.",
    "Governor Ilse Varga told reporters that prices rose 9.4 percent in March from a year earlier. “We are not done, but we can see the shore,” she said.",
    "The crown gained about 1 percent against the euro after the decision. Finance Minister Anton Berg said the government supported the bank's independence.",
    "The bank's next meeting is set for June.",
]

CD_RATE2 = [
    "The Valdorian central bank lifted its key rate to 7 percent on Wednesday, and Governor Ilse Varga warned that another rise could follow in June.",
    "Varga said that the dam disaster and the dock strike had pushed up food and transport prices in March.",
    'Economists had expected the increase. "The bank has been clear all year, and it did what it said it would do," said Mira Lund, an economist at Selan Bank.',
]

NG_RATE2 = [
    "Valdoria's second interest rate rise of the year has reopened a fight between the central bank and the country's exporters.",
    'The Exporters\' Association said on Thursday that the 7 percent rate would cost the sector more than 300 million crowns a year. Its president, Karl Ott, called the decision "a tax on selling abroad."',
    "Central bank governor Ilse Varga rejected the criticism. She said a weak crown had cost exporters more in imported parts than the higher rate would.",
]

# --- Story 4: the dock strike ----------------------------------------------------------------

KC_STRIKE = [
    "Thousands of dockworkers walked off the job at Port Selan, Valdoria's largest port, on Wednesday, leaving more than 60 ships waiting at anchor, including 14 bound for Ostrelian ports.",
    'The Port Workers\' Union is demanding a 12 percent pay rise. Its leader, Marta Olsen, said that wages had fallen far behind prices. "We are not asking for a gift," she said. "We are asking for last year\'s wages back."',
    "Ostrelian importers warned that shelves could empty within two weeks if the strike lasted.",
]

VT_STRIKE = [
    "The strike in the port of Port Selan continues already for the second day. The ships are waiting in the sea and the containers are not moving.",
    "The port authority said that the union demands are impossible. The union leader Marta Olsen answered that the workers will stay on strike until a fair offer.",
    "The government is planning to meet both sides on Monday, the ministry of transport informed.",
]

TO_STRIKE_DEAL = [
    "Dockworkers at Port Selan will return to work on Thursday after their union accepted a 9 percent pay rise, ending a three-week strike that left dozens of ships stranded.",
    "Union leader Marta Olsen said the deal was not everything the workers wanted. “We asked for twelve and we got nine, and we got it in writing,” she said.",
    "Port director Gustav Ahl said it would take about ten days to clear the backlog of ships.",
]

MW_STRIKE_DEAL = [
    "Valdoria's port workers ended their strike on Wednesday after three weeks, accepting a 9 percent pay rise over two years, the Port Workers' Union and the port authority said.",
    "The strike had left more than 60 ships waiting outside Port Selan and pushed up prices for imported food.",
    "Transport Minister Leon Falk, who brokered the final round of talks, said that the deal was fair to both sides. “Nobody should have to choose between a ship and a salary,” he said.",
]

CD_STRIKE_DEAL = [
    "Cranes were moving again at Port Selan on Thursday, a day after dockworkers accepted a 9 percent pay rise and ended their three-week strike.",
    "Port director Gustav Ahl said the first container ships would be unloaded by Saturday and the queue outside the harbour cleared within ten days.",
    "Shopkeepers in the city said prices of imported fruit had doubled during the strike.",
]

TO_STRIKE_STALL = [
    "The strike at Port Selan entered its third week on Tuesday with no new talks scheduled, after the port authority rejected the union's demand for a 12 percent rise.",
    "Union leader Marta Olsen said her members had voted to stay out. “Every day they wait costs them more than our raise would,” she said.",
    "Transport Minister Leon Falk said he would invite both sides to his office next week.",
]

# --- Story 5: the insulin recall -------------------------------------------------------------

NG_RECALL = [
    "Valdoria's health agency on Tuesday recalled 18 batches of insulin made by Medivane after tests found bacteria in samples from a pharmacy in Dovrik.",
    "Agency director Rafael Okafor said about 120,000 pens were affected and that patients should not stop their treatment without speaking to a doctor.",
    '"There is no shortage of insulin in Valdoria, and nobody needs to panic," Okafor said. "Pharmacies will exchange every affected pen free of charge."',
    "Medivane said in a statement that it was investigating how the contamination happened at its plant in Osterholm.",
]

TO_RECALL = [
    "Pharmacies across Valdoria began exchanging recalled insulin pens on Wednesday, a day after the health agency withdrew 18 batches made by Medivane.",
    'Pharmacist Lea Marsh in Port Selan said she had exchanged more than 200 pens by noon. "People are frightened, but they are calm," she said.',
    "The health agency said that no patient had been harmed so far.",
]

KC_RECALL = [
    "Ostrelia's medicines regulator said on Wednesday it had found none of the recalled Medivane insulin batches in Ostrelian pharmacies.",
    "The regulator's chief, Petra Holm, said that Ostrelia bought its insulin from other suppliers but would test imported pens from Valdoria as a precaution.",
    "Valdoria's health agency withdrew 18 batches on Tuesday after finding bacteria in samples.",
]

MW_PLANT = [
    "Valdorian health inspectors closed Medivane's insulin plant in Osterholm on Tuesday, two weeks after contaminated pens from the factory were recalled.",
    "Health agency director Rafael Okafor said that inspectors had found a damaged water filter and poor cleaning records. “This plant will not reopen until we are satisfied, and I cannot tell you when that will be,” he said.",
    "Medivane chief executive Dora Finch apologised to patients and said the company would replace all 18 recalled batches at its own cost.",
    "The plant employs about 900 people.",
]

VT_PLANT = [
    "The factory of Medivane in Osterholm is closed by the inspectors of the health agency. The workers was sent home and they do not know when they return.",
    "The director of the agency Rafael Okafor said the problems in the factory are serious. The company has promised to pay the salaries for the time of the closing.",
    "The mayor of Osterholm, Bruno Sala, said: “The town depends on this factory, we need the truth and we need the jobs.",
]

HP_PLANT = [
    "Workers at Medivane's insulin plant in Osterholm were sent home on Tuesday when health inspectors ordered the factory closed.",
    'Line worker Otto Brask said staff had raised concerns about a leaking filter in January. "We told the managers, and the managers told us to keep working," he said.',
    "Medivane said it would keep paying its roughly 900 employees while the plant was closed.",
]
