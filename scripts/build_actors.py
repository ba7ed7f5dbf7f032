#!/usr/bin/env python
"""Build lagebild's German actor dictionary (src/lagebild/resources/actors/*.tsv).

Sources
- Phoenix / PETRARCH2 dictionaries (MIT, Open Event Data Alliance): leaders with date-bounded roles
  (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt), non-state groups (Phoenix.MilNonState.actors.txt),
  ISO codes (countries-nationality-en.csv). Read from DATA/dictionaries.
- Unicode CLDR via babel (Unicode licence): German country names.
- GeoNames countryInfo (CC BY 4.0): capitals, used as metonyms where no German capital name is listed here.
- The German hand lists in this file (Apache-2.0, lagebild): adjectives, demonyms, capitals, seats of power,
  organisations, non-state groups, sector nouns, German spellings of names.

Usage: python scripts/build_actors.py [DATA]   (DATA defaults to ../shared/data)
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import babel

VERSION = "1.0"
OUT = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "resources" / "actors"

# ---------------------------------------------------------------------------------------------------------------
# Hand lists (German)
# ---------------------------------------------------------------------------------------------------------------

# ISO3 → (adjective stem, demonym singular, demonym plural); "" where German has no usual form
ADJ: dict[str, tuple[str, str, str]] = {
    "AFG": ("afghanisch", "Afghane", "Afghanen"), "ALB": ("albanisch", "Albaner", "Albaner"),
    "DZA": ("algerisch", "Algerier", "Algerier"), "AGO": ("angolanisch", "Angolaner", "Angolaner"),
    "ARG": ("argentinisch", "Argentinier", "Argentinier"), "ARM": ("armenisch", "Armenier", "Armenier"),
    "AUS": ("australisch", "Australier", "Australier"), "AUT": ("österreichisch", "Österreicher", "Österreicher"),
    "AZE": ("aserbaidschanisch", "Aserbaidschaner", "Aserbaidschaner"), "BHR": ("bahrainisch", "", ""),
    "BGD": ("bangladeschisch", "", ""), "BEL": ("belgisch", "Belgier", "Belgier"),
    "BLR": ("belarussisch", "Belarusse", "Belarussen"), "BOL": ("bolivianisch", "Bolivianer", "Bolivianer"),
    "BIH": ("bosnisch", "Bosnier", "Bosnier"), "BRA": ("brasilianisch", "Brasilianer", "Brasilianer"),
    "BGR": ("bulgarisch", "Bulgare", "Bulgaren"), "BFA": ("burkinisch", "", ""),
    "BDI": ("burundisch", "", ""), "CHL": ("chilenisch", "Chilene", "Chilenen"),
    "CHN": ("chinesisch", "Chinese", "Chinesen"), "DNK": ("dänisch", "Däne", "Dänen"),
    "DEU": ("deutsch", "", ""), "ECU": ("ecuadorianisch", "Ecuadorianer", "Ecuadorianer"),
    "EGY": ("ägyptisch", "Ägypter", "Ägypter"), "ERI": ("eritreisch", "Eritreer", "Eritreer"),
    "EST": ("estnisch", "Este", "Esten"), "ETH": ("äthiopisch", "Äthiopier", "Äthiopier"),
    "FIN": ("finnisch", "Finne", "Finnen"), "FRA": ("französisch", "Franzose", "Franzosen"),
    "GEO": ("georgisch", "Georgier", "Georgier"), "GHA": ("ghanaisch", "Ghanaer", "Ghanaer"),
    "GRC": ("griechisch", "Grieche", "Griechen"), "GBR": ("britisch", "Brite", "Briten"),
    "IND": ("indisch", "Inder", "Inder"), "IDN": ("indonesisch", "Indonesier", "Indonesier"),
    "IRQ": ("irakisch", "Iraker", "Iraker"), "IRN": ("iranisch", "Iraner", "Iraner"),
    "IRL": ("irisch", "Ire", "Iren"), "ISL": ("isländisch", "Isländer", "Isländer"),
    "ISR": ("israelisch", "Israeli", "Israelis"), "ITA": ("italienisch", "Italiener", "Italiener"),
    "JPN": ("japanisch", "Japaner", "Japaner"), "YEM": ("jemenitisch", "Jemenit", "Jemeniten"),
    "JOR": ("jordanisch", "Jordanier", "Jordanier"), "KHM": ("kambodschanisch", "Kambodschaner", "Kambodschaner"),
    "CMR": ("kamerunisch", "Kameruner", "Kameruner"), "CAN": ("kanadisch", "Kanadier", "Kanadier"),
    "KAZ": ("kasachisch", "Kasache", "Kasachen"), "QAT": ("katarisch", "Katarer", "Katarer"),
    "KEN": ("kenianisch", "Kenianer", "Kenianer"), "KGZ": ("kirgisisch", "Kirgise", "Kirgisen"),
    "COL": ("kolumbianisch", "Kolumbianer", "Kolumbianer"), "COD": ("kongolesisch", "Kongolese", "Kongolesen"),
    "PRK": ("nordkoreanisch", "Nordkoreaner", "Nordkoreaner"), "KOR": ("südkoreanisch", "Südkoreaner", "Südkoreaner"),
    "XKX": ("kosovarisch", "Kosovare", "Kosovaren"), "HRV": ("kroatisch", "Kroate", "Kroaten"),
    "CUB": ("kubanisch", "Kubaner", "Kubaner"), "KWT": ("kuwaitisch", "Kuwaiter", "Kuwaiter"),
    "LVA": ("lettisch", "Lette", "Letten"), "LBN": ("libanesisch", "Libanese", "Libanesen"),
    "LBR": ("liberianisch", "Liberianer", "Liberianer"), "LBY": ("libysch", "Libyer", "Libyer"),
    "LTU": ("litauisch", "Litauer", "Litauer"), "LUX": ("luxemburgisch", "Luxemburger", "Luxemburger"),
    "MYS": ("malaysisch", "Malaysier", "Malaysier"), "MLI": ("malisch", "Malier", "Malier"),
    "MAR": ("marokkanisch", "Marokkaner", "Marokkaner"), "MEX": ("mexikanisch", "Mexikaner", "Mexikaner"),
    "MDA": ("moldauisch", "Moldauer", "Moldauer"), "MNG": ("mongolisch", "Mongole", "Mongolen"),
    "MOZ": ("mosambikanisch", "Mosambikaner", "Mosambikaner"), "MMR": ("myanmarisch", "", ""),
    "NPL": ("nepalesisch", "Nepalese", "Nepalesen"), "NZL": ("neuseeländisch", "Neuseeländer", "Neuseeländer"),
    "NLD": ("niederländisch", "Niederländer", "Niederländer"), "NGA": ("nigerianisch", "Nigerianer", "Nigerianer"),
    "NER": ("nigrisch", "", ""), "NOR": ("norwegisch", "Norweger", "Norweger"),
    "OMN": ("omanisch", "Omaner", "Omaner"), "PAK": ("pakistanisch", "Pakistaner", "Pakistaner"),
    "PSE": ("palästinensisch", "Palästinenser", "Palästinenser"), "PER": ("peruanisch", "Peruaner", "Peruaner"),
    "PHL": ("philippinisch", "Philippiner", "Philippiner"), "POL": ("polnisch", "Pole", "Polen"),
    "PRT": ("portugiesisch", "Portugiese", "Portugiesen"), "RWA": ("ruandisch", "Ruander", "Ruander"),
    "ROU": ("rumänisch", "Rumäne", "Rumänen"), "RUS": ("russisch", "Russe", "Russen"),
    "SAU": ("saudi-arabisch", "Saudi", "Saudis"), "SWE": ("schwedisch", "Schwede", "Schweden"),
    "CHE": ("schweizerisch", "Schweizer", "Schweizer"), "SEN": ("senegalesisch", "Senegalese", "Senegalesen"),
    "SRB": ("serbisch", "Serbe", "Serben"), "SLE": ("sierra-leonisch", "", ""),
    "ZWE": ("simbabwisch", "Simbabwer", "Simbabwer"), "SVK": ("slowakisch", "Slowake", "Slowaken"),
    "SVN": ("slowenisch", "Slowene", "Slowenen"), "SOM": ("somalisch", "Somalier", "Somalier"),
    "ESP": ("spanisch", "Spanier", "Spanier"), "LKA": ("sri-lankisch", "", ""),
    "ZAF": ("südafrikanisch", "Südafrikaner", "Südafrikaner"), "SDN": ("sudanesisch", "Sudanese", "Sudanesen"),
    "SSD": ("südsudanesisch", "Südsudanese", "Südsudanesen"), "SYR": ("syrisch", "Syrer", "Syrer"),
    "TJK": ("tadschikisch", "Tadschike", "Tadschiken"), "TWN": ("taiwanisch", "Taiwaner", "Taiwaner"),
    "TZA": ("tansanisch", "Tansanier", "Tansanier"), "THA": ("thailändisch", "Thailänder", "Thailänder"),
    "TLS": ("osttimoresisch", "Osttimorese", "Osttimoresen"), "TCD": ("tschadisch", "", ""),
    "CZE": ("tschechisch", "Tscheche", "Tschechen"), "TUN": ("tunesisch", "Tunesier", "Tunesier"),
    "TUR": ("türkisch", "Türke", "Türken"), "TKM": ("turkmenisch", "Turkmene", "Turkmenen"),
    "UGA": ("ugandisch", "Ugander", "Ugander"), "UKR": ("ukrainisch", "Ukrainer", "Ukrainer"),
    "HUN": ("ungarisch", "Ungar", "Ungarn"), "URY": ("uruguayisch", "", ""),
    "UZB": ("usbekisch", "Usbeke", "Usbeken"), "VEN": ("venezolanisch", "Venezolaner", "Venezolaner"),
    "ARE": ("emiratisch", "", ""), "USA": ("amerikanisch", "Amerikaner", "Amerikaner"),
    "VNM": ("vietnamesisch", "Vietnamese", "Vietnamesen"), "CAF": ("zentralafrikanisch", "", ""),
    "CYP": ("zyprisch", "Zyprer", "Zyprer"), "SLB": ("salomonisch", "Salomoner", "Salomoner"),
    "NIC": ("nicaraguanisch", "", ""), "SGP": ("singapurisch", "", ""), "MKD": ("mazedonisch", "Mazedonier", "Mazedonier"),
    "MNE": ("montenegrinisch", "Montenegriner", "Montenegriner"), "HTI": ("haitianisch", "Haitianer", "Haitianer"),
    "ZMB": ("sambisch", "", ""), "MDG": ("madagassisch", "", ""), "CIV": ("ivorisch", "Ivorer", "Ivorer"),
    "GIN": ("guineisch", "", ""), "MRT": ("mauretanisch", "", ""), "LAO": ("laotisch", "", ""),
    "VAT": ("vatikanisch", "", ""),
}
# Further adjective stems for one country (historical / regional forms)
EXTRA_ADJ = {"USA": ["us-amerikanisch"], "GBR": ["englisch"], "MMR": ["birmanisch", "burmesisch"],
             "CZE": [], "DEU": ["bundesdeutsch"], "MKD": ["nordmazedonisch"], "BLR": ["weißrussisch"],
             "TLS": ["timoresisch"], "KOR": ["koreanisch"], "SAU": ["saudisch"]}
# Extra names and short forms (babel gives the official short name)
EXTRA_NAMES = {
    "USA": ["USA", "Amerika", "Vereinigte Staaten von Amerika", "Vereinigten Staaten"],
    "GBR": ["Großbritannien", "England", "Vereinigtes Königreich"], "TLS": ["Osttimor", "Timor-Leste"],
    "MMR": ["Birma", "Burma"], "BLR": ["Weißrussland"], "PSE": ["Palästina", "Palästinensergebiete"],
    "CIV": ["Elfenbeinküste"], "COD": ["Kongo", "Demokratische Republik Kongo"], "KOR": ["Korea"],
    "NLD": ["Holland"], "VAT": ["Vatikan", "Heiliger Stuhl"], "MKD": ["Mazedonien"], "CZE": ["Tschechische Republik"],
    "RUS": ["Russische Föderation"], "SLB": ["Salomonen", "Solomonen"], "ARE": ["Emirate"], "SSD": ["Südsudan"],
    "XKX": ["Kosovo"], "DEU": ["Bundesrepublik"], "TWN": ["Taiwan"],
}
# Country names that take the definite article (genitive without -s for feminine ones)
FEMININE = {"TUR", "UKR", "CHE", "SVK", "MNG"}
# First-level regions of German-speaking countries: their genitive and adjective give the country of a modified actor
# ("Brandenburgs Wirtschaftsminister" → DEUGOV, "die bayerische Polizei" → DEUCOP). Only modifier forms: a bare
# "Bayern" stays a place (and a football club), not an actor.
REGIONS: dict[str, tuple[list[str], list[str]]] = {
    "DEU": (["Bayerns", "Brandenburgs", "Hessens", "Sachsens", "Thüringens", "Niedersachsens", "Nordrhein-Westfalens",
             "Baden-Württembergs", "Sachsen-Anhalts", "Mecklenburg-Vorpommerns", "Schleswig-Holsteins", "Saarlands",
             "Hamburgs", "Bremens"],
            ["bayerisch", "brandenburgisch", "hessisch", "sächsisch", "thüringisch", "niedersächsisch",
             "nordrhein-westfälisch", "baden-württembergisch", "rheinland-pfälzisch", "saarländisch",
             "schleswig-holsteinisch", "mecklenburgisch", "württembergisch", "badisch"]),
    "AUT": (["Tirols", "Kärntens", "Vorarlbergs", "Burgenlands", "Niederösterreichs", "Oberösterreichs", "Wiens",
             "Steiermarks"],  # not "Salzburgs": in sports reports the football club ("Salzburgs Rückfall")
            ["tirolerisch", "niederösterreichisch", "oberösterreichisch", "steirisch", "kärntnerisch", "burgenländisch"]),
    # South Tyrol is Italy's, though its head of government is a "Landeshauptmann" (an Austrian home title)
    "ITA": (["Südtirols"], ["südtirolerisch"]),
}
# invariable place adjectives in -er ("der Südtiroler Landeshauptmann"): used as they are, not inflected
REGION_INVARIABLE: dict[str, list[str]] = {"ITA": ["Südtiroler"]}
# Prefix short forms in hyphenated compounds ("US-Soldaten", "UN-Sicherheitsrat" handled in orgs)
PREFIXES = {"US": "USA", "USA": "USA"}

# Capitals and seats of power (German) → government (or another sector)
METONYMS: list[tuple[str, str, str]] = [
    # (form, code, kind: capital | seat)
    ("Moskau", "RUSGOV", "capital"), ("Kreml", "RUSGOV", "seat"), ("Ankara", "TURGOV", "capital"),
    ("Washington", "USAGOV", "capital"), ("Weißes Haus", "USAGOV", "seat"), ("Weiße Haus", "USAGOV", "seat"),
    ("Weißen Haus", "USAGOV", "seat"), ("Weißen Hauses", "USAGOV", "seat"), ("Pentagon", "USAMIL", "seat"),
    ("Berlin", "DEUGOV", "capital"), ("Kanzleramt", "DEUGOV", "seat"), ("Damaskus", "SYRGOV", "capital"),
    ("Teheran", "IRNGOV", "capital"), ("Peking", "CHNGOV", "capital"), ("Paris", "FRAGOV", "capital"),
    ("Élysée", "FRAGOV", "seat"), ("Elysée", "FRAGOV", "seat"), ("Élysée-Palast", "FRAGOV", "seat"),
    ("London", "GBRGOV", "capital"), ("Downing Street", "GBRGOV", "seat"), ("Kiew", "UKRGOV", "capital"),
    ("Brüssel", "IGOEU", "seat"), ("Bagdad", "IRQGOV", "capital"), ("Kairo", "EGYGOV", "capital"),
    ("Jerusalem", "ISRGOV", "capital"), ("Tel Aviv", "ISRGOV", "capital"), ("Beirut", "LBNGOV", "capital"),
    ("Riad", "SAUGOV", "capital"), ("Amman", "JORGOV", "capital"), ("Tripolis", "LBYGOV", "capital"),
    ("Kabul", "AFGGOV", "capital"), ("Islamabad", "PAKGOV", "capital"), ("Neu-Delhi", "INDGOV", "capital"),
    ("Tokio", "JPNGOV", "capital"), ("Seoul", "KORGOV", "capital"), ("Pjöngjang", "PRKGOV", "capital"),
    ("Rom", "ITAGOV", "capital"), ("Madrid", "ESPGOV", "capital"), ("Warschau", "POLGOV", "capital"),
    ("Wien", "AUTGOV", "capital"), ("Bern", "CHEGOV", "capital"), ("Athen", "GRCGOV", "capital"),
    ("Belgrad", "SRBGOV", "capital"), ("Budapest", "HUNGOV", "capital"), ("Prag", "CZEGOV", "capital"),
    ("Minsk", "BLRGOV", "capital"), ("Tiflis", "GEOGOV", "capital"), ("Eriwan", "ARMGOV", "capital"),
    ("Baku", "AZEGOV", "capital"), ("Canberra", "AUSGOV", "capital"), ("Ottawa", "CANGOV", "capital"),
    ("Havanna", "CUBGOV", "capital"), ("Caracas", "VENGOV", "capital"), ("Khartum", "SDNGOV", "capital"),
    ("Juba", "SSDGOV", "capital"), ("Dschuba", "SSDGOV", "capital"), ("Sanaa", "YEMGOV", "capital"),
    ("Doha", "QATGOV", "capital"), ("Abu Dhabi", "AREGOV", "capital"), ("Dili", "TLSGOV", "capital"),
    ("Jakarta", "IDNGOV", "capital"), ("Wellington", "NZLGOV", "capital"), ("Kuala Lumpur", "MYSGOV", "capital"),
    ("Lissabon", "PRTGOV", "capital"), ("Den Haag", "NLDGOV", "seat"), ("Brasília", "BRAGOV", "capital"),
    ("Mexiko-Stadt", "MEXGOV", "capital"), ("Nairobi", "KENGOV", "capital"), ("Addis Abeba", "ETHGOV", "capital"),
    ("Tunis", "TUNGOV", "capital"), ("Algier", "DZAGOV", "capital"), ("Rabat", "MARGOV", "capital"),
    ("Ramallah", "PSEGOV", "seat"), ("Naypyidaw", "MMRGOV", "capital"), ("Rangun", "MMRGOV", "capital"),
    ("Hanoi", "VNMGOV", "capital"), ("Bangkok", "THAGOV", "capital"), ("Manila", "PHLGOV", "capital"),
    ("Stockholm", "SWEGOV", "capital"), ("Oslo", "NORGOV", "capital"), ("Kopenhagen", "DNKGOV", "capital"),
    ("Helsinki", "FINGOV", "capital"), ("Dublin", "IRLGOV", "capital"), ("Bukarest", "ROUGOV", "capital"),
    ("Sofia", "BGRGOV", "capital"), ("Zagreb", "HRVGOV", "capital"), ("Sarajevo", "BIHGOV", "capital"),
    ("Pristina", "XKXGOV", "capital"), ("Tirana", "ALBGOV", "capital"), ("Vilnius", "LTUGOV", "capital"),
    ("Riga", "LVAGOV", "capital"), ("Tallinn", "ESTGOV", "capital"), ("Chisinau", "MDAGOV", "capital"),
    ("Astana", "KAZGOV", "capital"), ("Taschkent", "UZBGOV", "capital"), ("Buenos Aires", "ARGGOV", "capital"),
    ("Bogotá", "COLGOV", "capital"), ("Lima", "PERGOV", "capital"), ("Santiago de Chile", "CHLGOV", "capital"),
    ("Pretoria", "ZAFGOV", "capital"), ("Abuja", "NGAGOV", "capital"), ("Kinshasa", "CODGOV", "capital"),
    ("Mogadischu", "SOMGOV", "capital"), ("Asmara", "ERIGOV", "capital"), ("Bamako", "MLIGOV", "capital"),
    ("Taipeh", "TWNGOV", "capital"), ("Honiara", "SLBGOV", "capital"), ("Vatikan", "VATGOV", "seat"),
]
# Capital names from GeoNames that are German words or ambiguous as plain words: never metonyms
CAPITAL_STOP = {"Victoria", "Kingston", "Georgetown", "Praia", "Belmopan", "Monaco", "Luxembourg", "Andorra la Vella",
                "Singapore", "Kuwait City", "Djibouti", "Panama City", "San Marino", "Vaduz", "Mexico City",
                "Guatemala City", "Moroni", "Male", "Port Louis", "Apia", "Palikir", "Roseau", "Saint John's",
                "Basseterre", "Castries", "Kingstown", "Nassau", "Bridgetown", "Plymouth", "Hamilton", "Avarua",
                "Alofi", "Adamstown", "Jamestown", "Stanley", "Nuuk", "Torshavn", "Longyearbyen", "The Valley",
                "Road Town", "Charlotte Amalie", "Cockburn Town", "George Town", "Willemstad", "Oranjestad",
                "Philipsburg", "Marigot", "Gustavia", "Saint-Pierre", "Mamoudzou", "Saint-Denis", "Cayenne",
                "Fort-de-France", "Basse-Terre", "Nouméa", "Papeete", "Mata-Utu", "Hagåtña", "Saipan",
                "Pago Pago", "Yaren", "Funafuti", "Tarawa", "Majuro", "Melekeok", "Port Moresby", "Flying Fish Cove",
                "West Island", "Douglas", "Saint Helier", "St Peter Port", "Gibraltar", "Mariehamn",
                "Sarajevo", "Jerusalem", "East Jerusalem", "Brussels", "Amsterdam", "Bern", "Belgrade", "Pristina"}

# International organisations and NGOs (German forms). code as in GUIDELINES.md where it names one, else Phoenix.
# (forms separated by |, code, canonical name, Phoenix entry it corresponds to, prefix usable in compounds "UN-...")
ORGS: list[tuple[str, str, str, str, str]] = [
    ("UN|UNO|Vereinte Nationen|Vereinten Nationen|Weltorganisation", "IGOUNO", "Vereinte Nationen", "UNITED_NATIONS", "UN|UNO"),
    ("UN-Sicherheitsrat|UN-Sicherheitsrats|UN-Sicherheitsrates|Sicherheitsrat|Sicherheitsrats|Sicherheitsrates|"
     "Weltsicherheitsrat|Weltsicherheitsrats|Weltsicherheitsrates|UNO-Sicherheitsrat", "IGOUNO", "UN-Sicherheitsrat",
     "THE_SECURITY_COUNCIL", ""),
    ("UN-Generalversammlung|Generalversammlung", "IGOUNO", "UN-Generalversammlung", "UN_GENERAL_ASSEMBLY", ""),
    ("UN-Generalsekretär|UN-Generalsekretärs|Generalsekretär der Vereinten Nationen", "IGOUNO", "UN-Generalsekretär",
     "UN_SECRETARY_GENERAL", ""),
    ("UN-Menschenrechtsrat|Menschenrechtsrat", "IGOUNO", "UN-Menschenrechtsrat", "", ""),
    ("UNHCR|UN-Flüchtlingshilfswerk|UN-Flüchtlingshochkommissariat|Flüchtlingshilfswerk", "IGOUNOREFHCR", "UNHCR", "UNHCR", ""),
    ("UNICEF|Unicef|UN-Kinderhilfswerk|Kinderhilfswerk", "IGOUNOKID", "UNICEF", "UNICEF", ""),
    ("WFP|Welternährungsprogramm|UN-Welternährungsprogramm", "IGOWFP", "Welternährungsprogramm", "WORLD_FOOD_PROGRAM", ""),
    ("WHO|Weltgesundheitsorganisation", "IGOUNOHLHWHO", "Weltgesundheitsorganisation", "WORLD_HEALTH_ORGANIZATION", ""),
    ("IAEA|IAEO|Internationale Atomenergiebehörde|Internationale Atomenergie-Organisation|Atomenergiebehörde",
     "IGOUNOIAE", "IAEA", "IAEA", ""),
    ("Internationaler Gerichtshof|Internationalen Gerichtshof|Internationalen Gerichtshofs|IGH", "IGOUNOJUDICJ",
     "Internationaler Gerichtshof", "ICJ", ""),
    ("UN-Kriegsverbrechertribunal|Kriegsverbrechertribunal|Jugoslawien-Tribunal|ICTY|Haager Tribunal",
     "IGOUNOJUDWCT", "UN-Kriegsverbrechertribunal", "INTERNATIONAL_WAR_CRIMES_TRIBUNAL", ""),
    ("Internationaler Strafgerichtshof|Internationalen Strafgerichtshof|Internationalen Strafgerichtshofs|IStGH|ICC",
     "IGOJUDICC", "Internationaler Strafgerichtshof", "", ""),
    ("EU|Europäische Union|Europäischen Union", "IGOEU", "Europäische Union", "EUROPEAN_UNION", "EU"),
    ("EU-Kommission|Europäische Kommission|Europäischen Kommission|Kommission", "IGOEU", "EU-Kommission",
     "EUROPEAN_COMMISSION", ""),
    ("Europäisches Parlament|Europäischen Parlament|Europäischen Parlaments|EU-Parlament|Europaparlament",
     "IGOEU", "Europäisches Parlament", "EUROPEAN_PARLIAMENT", ""),
    ("Europarat|Europarats", "IGOEURCOE", "Europarat", "COUNCIL_OF_EUROPE", ""),
    ("NATO|Nato|Nordatlantikpakt|Atlantische Bündnis|Atlantischen Bündnis|Militärbündnis", "IGONATO", "NATO",
     "NATO", "NATO|Nato"),
    ("OSZE|Organisation für Sicherheit und Zusammenarbeit in Europa", "IGOOSCE", "OSZE", "", "OSZE"),
    ("IWF|Internationaler Währungsfonds|Internationalen Währungsfonds|Währungsfonds", "IGOIMF",
     "Internationaler Währungsfonds", "INTERNATIONAL_MONETARY_FUND", "IWF"),
    ("Weltbank", "IGOUNODEVWBK", "Weltbank", "WORLD_BANK", ""),
    ("WTO|Welthandelsorganisation", "IGOWTO", "Welthandelsorganisation", "", ""),
    ("Arabische Liga|Arabischen Liga", "IGOMEAARL", "Arabische Liga", "ARAB_LEAGUE", ""),
    ("Afrikanische Union|Afrikanischen Union|AU", "IGOAFRAU", "Afrikanische Union", "AFRICAN_UNION", "AU"),
    ("ASEAN", "IGOSEAASN", "ASEAN", "ASEAN", "ASEAN"),
    ("OPEC|Opec", "IGOBUSOPC", "OPEC", "", ""),
    ("G8|G-8|G8-Staaten|G8-Gipfel|G8-Gipfels", "IGOBUSGOE", "G8", "GROUP_OF_EIGHT", "G8"),
    ("G20|G-20|G20-Staaten|G-20-Gipfel|G20-Gipfel", "IGOBUSGTW", "G20", "", "G20"),
    ("Golf-Kooperationsrat|Golfkooperationsrat", "IGOMEAGCC", "Golf-Kooperationsrat", "", ""),
    ("Organisation für Islamische Zusammenarbeit|OIC", "IGOMOSOIC", "OIC", "ORGANIZATION_OF_ISLAMIC_CONFERENCES", ""),
    ("UNMISS|UNIFIL|MONUSCO|UNAMA|KFOR|ISAF|Blauhelme|Blauhelmsoldaten|Friedenstruppe|UN-Friedenstruppe|"
     "UN-Friedenstruppen|UN-Blauhelme", "IGOUNO", "UN-Mission", "", "UNMISS|UNIFIL"),
    ("Rotes Kreuz|Roten Kreuz|Roten Kreuzes|IKRK|Internationales Komitee vom Roten Kreuz|Rote Kreuz|Roter Halbmond|"
     "Roten Halbmond|Roten Halbmonds", "NGOHLHIRC", "Rotes Kreuz", "INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS", ""),
    ("Human Rights Watch|HRW", "NGOHRI", "Human Rights Watch", "HUMAN_RIGHTS_WATCH", ""),
    ("Amnesty International|Amnesty", "NGOHRIAMN", "Amnesty International", "AMNESTY_INTERNATIONAL", ""),
    ("Ärzte ohne Grenzen|MSF", "NGOHLHMSF", "Ärzte ohne Grenzen", "DOCTORS_WITHOUT_BORDERS", ""),
    ("Reporter ohne Grenzen", "NGOMED", "Reporter ohne Grenzen", "", ""),
    ("Greenpeace", "NGOENV", "Greenpeace", "", ""),
    ("Syrische Beobachtungsstelle für Menschenrechte|Beobachtungsstelle für Menschenrechte|Beobachtungsstelle",
     "SYRHRI", "Syrische Beobachtungsstelle für Menschenrechte", "", ""),
    ("Weißhelme|Weißhelmen|Syrischer Zivilschutz", "SYRCVL", "Weißhelme", "", ""),
    # Austrian social partners and welfare organisations, the bodies Austrian news quotes most after the parties.
    # Sectors after Phoenix.agents.txt: unions and the chamber of labour are labour (LABOR_UNION [~LAB]), the chamber
    # of commerce and the employers' federation business (CHAMBER_OF_COMMERCE [~BUS]), charities civil society
    # (CIVIL_SOCIETY, NON_GOVERNMENTAL_ORGANIZATION [~NGO]); all of them national, so country + sector (AUTLAB).
    ("ÖGB|Gewerkschaftsbund|Österreichischer Gewerkschaftsbund|Österreichischen Gewerkschaftsbund|"
     "Österreichischen Gewerkschaftsbundes|Gewerkschaftsbundes", "AUTLAB", "ÖGB", "", "ÖGB|Gewerkschaftsbund"),
    ("GPA-djp|GPA|Gewerkschaft der Privatangestellten", "AUTLAB", "GPA-djp", "", "GPA"),
    # (not "GÖD": matching ignores accents and case, and "God" is an English word in film titles)
    ("Arbeiterkammer|Arbeiterkammern|AK|Bundesarbeitskammer", "AUTLAB", "Arbeiterkammer", "", "AK|Arbeiterkammer"),
    ("Wirtschaftskammer|WKÖ|WKO|Wirtschaftskammer Österreich", "AUTBUS", "Wirtschaftskammer", "", "WKÖ|WKO|Wirtschaftskammer"),
    ("Industriellenvereinigung", "AUTBUS", "Industriellenvereinigung", "", "IV|Industriellenvereinigung"),
    ("Volkshilfe", "AUTNGO", "Volkshilfe", "", "Volkshilfe"),
    # Caritas works in both countries: a form listed for two entries is resolved by the article's country (like
    # the Greens); Phoenix has only the international confederation (CARITAS [NGOCHRCTH])
    ("Caritas|Caritasverband|Deutscher Caritasverband", "DEUNGO", "Caritas (Deutschland)", "CARITAS", "Caritas"),
    ("Caritas|Caritas Österreich", "AUTNGO", "Caritas (Österreich)", "CARITAS", "Caritas"),
    ("Diakonie", "DEUNGO", "Diakonie (Deutschland)", "", "Diakonie"),
    ("Diakonie", "AUTNGO", "Diakonie (Österreich)", "", "Diakonie"),
]

# Political parties (German forms) → country + PTY (GUIDELINES.md: "DEUPTY (a party)"); hand list of the parties of
# Germany, Austria and Switzerland that German news names most, with their compound prefixes ("CDU-Politiker")
PARTIES: list[tuple[str, str, str, str]] = [
    ("CDU|Christlich Demokratische Union|Unionsparteien", "DEUPTY", "CDU", "CDU"),
    ("CSU|Christlich-Soziale Union", "DEUPTY", "CSU", "CSU"),
    ("SPD|Sozialdemokratische Partei Deutschlands", "DEUPTY", "SPD", "SPD"),
    ("FDP|Freie Demokratische Partei", "DEUPTY", "FDP", "FDP"),
    # "die Grünen" are a party of both countries: a form listed for two parties is resolved by the article's country
    ("Grünen|Bündnis 90/Die Grünen|Bündnisgrünen", "DEUPTY", "Bündnis 90/Die Grünen", "Grünen"),
    ("Grünen|Die Grünen – Die Grüne Alternative", "AUTPTY", "Die Grünen (Österreich)", "Grünen"),
    ("Linkspartei|Linkspartei.PDS|PDS|WASG", "DEUPTY", "Die Linke", "PDS|WASG"),
    ("AfD|Alternative für Deutschland", "DEUPTY", "AfD", "AfD"),
    ("NPD|Nationaldemokratische Partei Deutschlands", "DEUPTY", "NPD", "NPD"),
    ("Piratenpartei", "DEUPTY", "Piratenpartei", ""),
    ("ÖVP|Österreichische Volkspartei", "AUTPTY", "ÖVP", "ÖVP"),
    ("SPÖ|Sozialdemokratische Partei Österreichs", "AUTPTY", "SPÖ", "SPÖ"),
    ("FPÖ|Freiheitliche Partei Österreichs", "AUTPTY", "FPÖ", "FPÖ"),
    ("BZÖ|Bündnis Zukunft Österreich", "AUTPTY", "BZÖ", "BZÖ"),
    ("NEOS|Neos|Das Neue Österreich", "AUTPTY", "NEOS", "NEOS|Neos"),
    ("Team Stronach|Team Stronach für Österreich", "AUTPTY", "Team Stronach", "Stronach"),
    ("SVP|Schweizerische Volkspartei", "CHEPTY", "SVP", "SVP"),
]

# Non-state armed groups (German forms) → code; the Phoenix entry for provenance
NONSTATE: list[tuple[str, str, str, str]] = [
    ("Hisbollah|Hizbollah|Hisbollah-Miliz|Hezbollah", "LBNREB", "Hisbollah", "HEZBOLLAH"),
    ("Hamas|Hamas-Bewegung", "PSEREB", "Hamas", "HAMAS"),
    ("Islamischer Staat|Islamischen Staat|Islamischen Staates|IS|ISIS|ISIL|Daesch|Daesh|IS-Miliz|Terrormiliz IS|"
     "IS-Terrormiliz|Dschihadistenmiliz IS", "---INS", "Islamischer Staat", "ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT"),
    ("al-Qaida|Al-Qaida|al-Kaida|Al-Kaida|El Kaida|al-Qaeda|Terrornetzwerk", "---INS", "al-Qaida", "AL-QAEDA"),
    ("Taliban", "AFGREB", "Taliban", "TALIBAN"),
    ("Boko Haram", "NGAREB", "Boko Haram", "BOKO_HARAM"),
    ("al-Shabaab|Al-Shabaab|al-Schabab|Al-Schabab|Schabab", "SOMREB", "al-Shabaab", "AL-SHABAAB"),
    ("PKK|Arbeiterpartei Kurdistans", "TURREB", "PKK", "PKK"),
    ("YPG|Volksverteidigungseinheiten|Kurdenmiliz YPG|SDF|Demokratische Kräfte Syriens", "SYRREB", "YPG", ""),
    ("Freie Syrische Armee|Freien Syrischen Armee|FSA", "SYRREB", "Freie Syrische Armee", "FREE_SYRIAN_ARMY"),
    ("Nusra-Front|al-Nusra-Front|Al-Nusra-Front|Al-Nusra|Fatah al-Scham|Hayat Tahrir al-Sham|HTS|"
     "Haiat Tahrir al-Scham", "SYRREB", "Nusra-Front", "JABHAT_AL_NUSRA"),
    ("Huthi|Huthis|Huthi-Rebellen|Houthi", "YEMREB", "Huthi", ""),
    ("FARC|Farc", "COLREB", "FARC", ""),
    ("ETA", "ESPREB", "ETA", ""),
    ("Kifaya-Bewegung|Kifaya", "EGYOPP", "Kifaya", ""),
    ("Muslimbruderschaft|Muslimbrüder", "EGYOPP", "Muslimbruderschaft", ""),
]

# German sector nouns (singular and plural stems; compounds match by their last element)
# (forms, sector, kind: sector | role | collective | event)
SECTORS: list[tuple[str, str, str]] = [
    ("Regierung|Regierungen|Kabinett|Regierungskabinett|Regime|Führung|Staatsführung|Behörde|Behörden|"
     "Ministerium|Ministerien|Verwaltung|Regierungschef|Staatschef|Staatsoberhaupt|Diplomat|Diplomaten|Diplomatie|"
     "Delegation|Delegationen|Unterhändler|Botschaft|Botschafter|Gesandte|Gesandter|Gesandten|Sprecher|Sprecherin|"
     "Staatsmedien|Militärregierung|Militärdiktatur|Junta|Militärjunta|Machthaber|Bürgermeister|Gouverneur|"
     "Bürgermeisteramt|Bürgermeisterämter|Geheimdienst|Geheimdienste|Staat|Staaten|"
     "Bundesregierung|Landesregierung|Bundesministerium|Bundesnachrichtendienst|Verfassungsschutz",
     "GOV", "sector"),
    # audit offices are government (Phoenix.agents: COURT_OF_AUDITORS, AUDITOR_GENERAL [~GOV])
    ("Rechnungshof|Rechnungshofs|Rechnungshofes|Rechnungshofpräsident|Rechnungshofpräsidentin", "GOV", "sector"),
    # Austrian offices: the head of a Land government, its members, the head of a district administration
    ("Landeshauptmann|Landeshauptfrau|Landeshauptleute|Landeshauptmanns|Landesrat|Landesrätin|Landesräte|"
     "Bezirkshauptmann|Bezirkshauptfrau|Vizekanzler|Vizekanzlerin", "GOV", "role"),
    # a governing coalition is the government (Phoenix.agents: RULING_COALITION, COALITION_OF_RULING_PARTIES [~GOV])
    ("Koalition|Koalitionen|Regierungskoalition|Koalitionsregierung", "GOV", "sector"),
    ("Präsident|Präsidentin|Staatspräsident|Staatspräsidentin|Ministerpräsident|Ministerpräsidentin|"
     "Premierminister|Premierministerin|Premier|Kanzler|Kanzlerin|Bundeskanzler|Bundeskanzlerin|Minister|Ministerin|"
     "Außenminister|Außenministerin|Verteidigungsminister|Verteidigungsministerin|Innenminister|Innenministerin|"
     "Finanzminister|Finanzministerin|Justizminister|Informationsminister|Regierungssprecher|König|Königin|Emir|"
     "Kronprinz|Vizepräsident|Vize-Präsident|Regierungschefin|Staatssekretär|Außenamtssprecher|Bundespräsident|"
     "Bundespräsidentin|Bundesminister|Bundesministerin",
     "GOV", "role"),
    ("Armee|Armeen|Streitkräfte|Streitkräften|Militär|Militärs|Luftwaffe|Marine|Heer|Truppe|Truppen|Soldat|"
     "Soldaten|Konvoi|Konvois|Konvoy|Konvoys|Regierungstruppen|Regierungssoldaten|Regierungskräfte|Kampfflugzeug|Kampfflugzeuge|Kampfjets|"
     "Kampfjet|Kampfhubschrauber|Panzer|Artillerie|General|Generäle|Offizier|Offiziere|Kommandeur|Kommandant|"
     "Einheit|Einheiten|Spezialeinheit|Vorauskommando|Bataillon|Brigade|Division|Regiment|Marines|"
     "Marinesoldaten|Marineinfanterie|Militärputsch|Generalstab|Verteidigungsministerium|Bodentruppen|"
     "Kriegsschiff|Kriegsschiffe|Schiffe|Kampfverbände|Luftstreitkräfte|Bombenflugzeuge|Flugzeuge|Drohnen|"
     "Nationalgarde|Wehrmacht|Bundeswehr",
     "MIL", "sector"),
    ("Polizei|Polizist|Polizisten|Polizistin|Polizeikräfte|Bereitschaftspolizei|Sicherheitskräfte|"
     "Sicherheitskräften|Sicherheitsbehörden|Polizeistation|Polizeistationen|Polizeiwache|Grenzpolizei|"
     "Sondereinsatzkommando|Beamte|Beamten|Ermittler|Fahnder|Bundespolizei|Bundeskriminalamt|Landeskriminalamt",
     "COP", "sector"),
    ("Rebellen|Rebell|Rebellengruppe|Rebellengruppen|Aufständische|Aufständischen|Aufständischer|Aufständige|"
     "Aufständigen|Guerilla|Guerillas|Guerilleros|Separatisten|Separatist|Kämpfer|Freischärler|Milizionäre|"
     "Widerstandskämpfer|Rebellenmiliz|Rebellenmilizen|Oppositionskämpfer",
     "REB", "sector"),
    ("Miliz|Milizen", "REB", "sector"),
    ("Terroristen|Terrorist|Terrormiliz|Terrorgruppe|Islamisten|Islamist|Dschihadisten|Dschihadist|Extremisten|"
     "Extremist|Attentäter|Selbstmordattentäter|Angreifer|Bewaffnete|Bewaffneten|Heckenschützen|Räuber|Täter|"
     "Entführer|Geiselnehmer|Unbekannte|Unbekannten",
     "UAF", "sector"),
    ("Opposition|Oppositionelle|Oppositionellen|Oppositionspartei|Oppositionsparteien|Regierungsgegner|Gegner|"
     "Oppositionskoalition|Oppositionsbündnis|"
     "Kritiker|Kritikern|Regierungskritiker|Widersacher|"
     "Regimegegner|Demonstranten|Demonstrant|Protestierende|Protestierenden|Protestler|Aktivisten|Aktivist|"
     "Menschenrechtler|Dissidenten|Dissident|Randalierer|Krawallmacher|Jugendliche|Jugendlichen|Streikende|"
     "Streikenden|Bewegung|Menschenmenge|Menge",
     "OPP", "sector"),
    ("Proteste|Protest|Demonstration|Demonstrationen|Kundgebung|Kundgebungen|Unruhen|Ausschreitungen|Krawalle|"
     "Aufstand|Aufstände|Versammlung",
     "OPP", "event"),
    ("Zivilisten|Zivilist|Zivilbevölkerung|Menschen|Männer|Frauen|Kinder|Geiseln|Lehrerin|Lehrer|Sparer|Kleinsparer",
     "CVL", "sector"),
    ("Flüchtlinge|Flüchtling|Vertriebene|Vertriebenen|Asylbewerber|Migranten",
     "REF", "sector"),
    ("Gericht|Gerichte|Gerichtshof|Richter|Richterin|Untersuchungsrichter|Verfassungsgericht|Bundesgericht|"
     "Bundesverfassungsgericht|Kriegsverbrechergericht|Tribunal|Justiz|Staatsanwalt|Staatsanwälte|Ankläger|"
     # prosecutors are judiciary (Phoenix.agents: PROSECUTOR, PUBLIC_PROSECUTOR [~JUD])
     "Staatsanwaltschaft|Staatsanwaltschaften|Anklagebehörde|"
     "Bundesanwaltschaft|Bundesgerichtshof|Oberstes Gericht",
     "JUD", "sector"),
    # Austria's high courts and their usual abbreviations (Phoenix.agents: CONSTITUTIONAL_COURT [~JUD])
    ("Verfassungsgerichtshof|Verfassungsgerichtshofs|Verwaltungsgerichtshof|Verwaltungsgerichtshofs|VfGH|VwGH|OGH",
     "JUD", "sector"),
    ("Parlament|Parlaments|Parlamente|Abgeordnete|Abgeordneten|Abgeordneter|Parlamentarier|Kongress|Senat|Senator|"
     "Senatoren|Kongressabgeordnete|Kongressabgeordneter|Kongressabgeordneten|Bundestag|Bundesrat|Duma|Nationalversammlung|"
     "Volksvertretung|Landtag|Knesset|Unterhaus|Oberhaus|Repräsentantenhaus|Parlamentspräsident",
     "LEG", "sector"),
    # Austria's and Switzerland's lower house; a parliamentary group's leader (Klubobmann) is a legislator ("Klubchef"
    # is left out: in sports news it is a football club's president)
    ("Nationalrat|Nationalrats|Nationalrates|Nationalratspräsident|Nationalratspräsidentin|Klubobmann|Klubobfrau|"
     "Klubobleute", "LEG", "role"),
    ("Partei|Parteien|Regierungspartei|Parteichef|Parteivorsitzende|Parteivorsitzender",
     "PTY", "sector"),
    ("Medien|Presse|Zeitung|Zeitungen|Rundfunksender|Sender|Fernsehsender|Journalisten|Journalist|Reporter|"
     "Nachrichtenagentur",
     "MED", "sector"),
    ("Kirche|Kirchen|Bischof|Bischöfe|Priester|Geistliche|Geistlichen|Imam|Imame|Papst|Vatikan|Bischofskonferenz",
     "REL", "sector"),
    ("Mönch|Mönche|Mönchen", "BUD", "sector"),
    ("Muslime|Muslimen|Moslems", "MUS", "sector"),
    ("Schulen|Schule|Universität|Universitäten|Studenten|Studierende|Schüler", "EDU", "sector"),
    ("Gewerkschaft|Gewerkschaften|Arbeiter|Arbeitnehmer|Gewerkschafter|Gewerkschafterin|Gewerkschafterinnen|"
     "Betriebsrat|Betriebsräte|Betriebsrätin", "LAB", "sector"),
    ("Unternehmen|Konzern|Konzerne|Firma|Firmen|Wirtschaft|Unternehmer|Unternehmerin|Unternehmerinnen|Arbeitgeber|"
     "Manager|Managerin", "BUS", "sector"),
    ("Ärzte|Arzt|Krankenhaus|Krankenhäuser|Helfer|Hilfsorganisation|Hilfsorganisationen|Sanitäter",
     "HLH", "sector"),
    # words ending in a sector noun that name no actor ("Konfliktparteien" are both sides, not a party)
    ("Konfliktparteien|Konfliktpartei|Kriegsparteien|Kriegspartei|Verhandlungsparteien|Vertragsparteien|"
     "Vertragspartei|Prozessparteien|Streitparteien|Tarifparteien|Wetterdienst|Rettungsdienst|Feuerwehr|"
     "Bundesstaat|Bundesstaaten|Bundesland|Bundesländer|Bundesliga|Bewegungen|Truppenbewegung|Truppenbewegungen|"
     "Panzerbewegung|Panzerbewegungen|Fluchtbewegung|Fluchtbewegungen|Hilfskonvoi|Hilfskonvois|Flüchtlingskonvoi|"
     "Flüchtlingskonvois",
     "---", "none"),
    ("Anschlag|Anschläge|Terroranschlag|Bombenanschlag|Selbstmordanschlag|Angriff|Angriffe|Feuer|Beschuss|"
     "Explosion|Massaker|Bedrohung",
     "UAF", "event"),
]

# Adjectives that make a sector noun government-aligned ("regierungstreue Soldaten", "Assad-treue Milizen") or
# rebel/opposition ("regierungsfeindliche Milizen"); stems, matched at the end of the adjective
ALIGN_ADJ: list[tuple[str, str]] = [
    ("regierungstreu", "GOV"), ("regimetreu", "GOV"), ("-treu", "GOV"), ("regierungsnah", "GOV"),
    ("staatlich", "GOV"), ("pro", "GOV"),
    ("regierungsfeindlich", "REB"), ("oppositionell", "OPP"), ("aufständisch", "REB"), ("abtrünnig", "REB"),
    ("islamistisch", "UAF"), ("dschihadistisch", "UAF"), ("extremistisch", "UAF"),
    # unidentified: "unbekannte Männer", "eine unbekannte Partei" (a side, not a political party) are unknown
    # attackers (---UAF) whatever the article's country
    ("unbekannt", "UNK"), ("gegnerisch", "UNK"), ("maskiert", "UNK"), ("vermummt", "UNK"),
    ("unidentifiziert", "UNK"),
]

# Sector nouns that name one country's institution ("Bundeskanzler", "Bundeswehr", "Kongressabgeordneter"):
# the first country is the default when the phrase names none, the others are taken when the article is mostly
# about them (Austria and Switzerland also have a Bundeskanzler/Bundesrat). Forms ending in "*" are compound
# prefixes ("Bundesinnenminister", "Bundesamt").
HOME_COUNTRIES: list[tuple[str, str]] = [
    ("Bundes*", "DEU|AUT|CHE"),
    ("Bundeskanzler|Bundeskanzlerin|Bundespräsident|Bundespräsidentin|Bundesregierung|Bundesrat|"
     "Bundesminister|Bundesministerin|Bundesministerium|Bundesverfassungsgericht|Bundesgericht", "DEU|AUT|CHE"),
    ("Bundeswehr|Bundestag|Bundesanwaltschaft|Bundesgerichtshof|Bundespolizei|Bundeskriminalamt|"
     "Verfassungsschutz|Bundesnachrichtendienst|Landesregierung|Landtag|Landeskriminalamt", "DEU|AUT"),
    ("Kongressabgeordnete|Kongressabgeordneter|Kongressabgeordneten|Repräsentantenhaus|Marines|"
     "Marineinfanterie|Nationalgarde", "USA"),
    # Austrian offices and courts; Germany also has Verwaltungsgerichtshöfe and Land audit offices, Switzerland a
    # Nationalrat: the article's country decides, Austria first (these words are rare in German news)
    ("Landeshauptmann|Landeshauptfrau|Landeshauptleute|Landeshauptmanns|Landesrat|Landesrätin|Landesräte|"
     "Bezirkshauptmann|Bezirkshauptfrau|Klubobmann|Klubobfrau|Klubobleute|VfGH|VwGH|OGH", "AUT"),
    ("Verfassungsgerichtshof|Verfassungsgerichtshofs|Verwaltungsgerichtshof|Verwaltungsgerichtshofs|Rechnungshof|"
     "Rechnungshofs|Rechnungshofes|Rechnungshofpräsident|Rechnungshofpräsidentin", "AUT|DEU"),
    ("Nationalrat|Nationalrats|Nationalrates|Nationalratspräsident|Nationalratspräsidentin", "AUT|CHE"),
    ("Vizekanzler|Vizekanzlerin", "DEU|AUT"),
    ("Knesset", "ISR"),
    ("Duma", "RUS"),
    ("Papst|Vatikan", "VAT"),  # the Pope and the Curia are the Holy See's clergy, whatever country he visits
]

# Countries where most clergy and religious orders are of one religion: a generic religious actor there
# ("die Geistlichen", "die Priester" in Myanmar) takes that religion's CAMEO code instead of REL. Only
# Buddhist-majority states are listed: for Christian or mixed countries the guidelines keep the generic REL.
RELIGION_COUNTRIES: list[tuple[str, str]] = [
    ("BUD", "MMR|THA|KHM|LAO|LKA|BTN|MNG"),
]

# German spellings of names that rules do not give (Phoenix entry id → German forms)
HAND_NAMES: dict[str, list[str]] = {
    "VLADIMIR_PUTIN": ["Wladimir Putin", "Wladimir Wladimirowitsch Putin"],
    "BASHAR_AL_ASSAD": ["Baschar al-Assad", "Baschar Assad", "Assad"],
    "RECEP_TAYYIP_ERDOGAN": ["Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Erdoğan", "Erdogan"],
    "ANGELA_MERKEL": ["Angela Merkel", "Merkel"],
    "DMITRY_MEDVEDEV": ["Dmitri Medwedew", "Dmitrij Medwedew", "Medwedew"],
    "SERGEY_LAVROV": ["Sergej Lawrow", "Lawrow"],
    "MAHMOUD_AHMADINEJAD": ["Mahmud Ahmadinedschad", "Mahmud Ahmadinejad", "Ahmadinedschad"],
    "HOSNI_MUBARAK": ["Husni Mubarak", "Muhammad Husni Mubarak", "Hosni Mubarak", "Mubarak"],
    "BARACK_OBAMA": ["Barack Obama", "Obama"],
    "NICOLAS_SARKOZY": ["Nicolas Sarkozy", "Sarkozy"],
    "MUAMMAR_AL_QADDAFI": ["Muammar al-Gaddafi", "Muammar Gaddafi", "Gaddafi"],
    "NURI_AL_MALIKI": ["Nuri al-Maliki", "Nouri al-Maliki", "Dschawad al-Maliki", "Maliki"],
    "ALI_AKBAR_VELAYATI": ["Ali Akbar Welajati", "Welajati"],
}
# English title words: Phoenix aliases containing them are titles + name, not names
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "CHANCELLOR", "KANZLER", "BUNDESKANZLER", "MR", "MR.", "MRS", "MS",
               "GOVERNMENT", "REGIME", "KING", "QUEEN", "PRINCE", "GENERAL", "GEN.", "SECRETARY", "DR", "DR.", "SHEIKH",
               "SENATOR", "SEN.", "GOVERNOR", "AMBASSADOR", "FOREIGN", "DEFENSE", "RUSSIAN", "AMERICAN", "US",
               "U.S.", "GERMAN", "FRENCH", "BRITISH", "LEADER", "CHIEF", "COLONEL", "COL.", "REP.", "REPRESENTATIVE",
               "SPEAKER", "VICE", "DEPUTY", "ADMINISTRATION", "CABINET", "LT.", "CAPTAIN", "MAJOR", "ARMY",
               "SUPPORTERS", "FORCES", "LOYALISTS", "LOYALIST", "PARTY", "CAMP", "FAMILY", "AIDE", "AIDES",
               "SPOKESMAN", "OFFICIAL", "OFFICIALS", "PRESIDENTIAL", "PM", "AYATOLLAH", "EMIR", "SULTAN"}

CYRILLIC = {"RUS", "UKR", "BLR", "KAZ", "UZB", "KGZ", "TJK", "TKM", "AZE", "ARM", "GEO", "MDA", "BGR"}
ARABIC = {"SYR", "IRQ", "IRN", "EGY", "SAU", "JOR", "LBN", "LBY", "YEM", "PSE", "AFG", "PAK", "SDN", "DZA", "MAR",
          "TUN", "ARE", "QAT", "KWT", "BHR", "OMN", "MRT", "SOM"}


# ---------------------------------------------------------------------------------------------------------------

def title_name(raw: str) -> str:
    """PHOENIX_NAME_ → 'Phoenix Name' (particles lower case, hyphens kept)."""
    raw = raw.strip().strip("_").replace("_", " ")
    words = []
    for w in raw.split():
        parts = [p.capitalize() if p.lower() not in {"al", "el", "bin", "ibn", "von", "van", "de", "da", "der"}
                 else p.lower() for p in w.split("-")]
        words.append("-".join(parts))
    return " ".join(words)


def german_variants(name: str, country: str) -> set[str]:
    """Rule-based German transliteration variants of a name in English transliteration."""
    out: set[str] = set()
    if country in CYRILLIC:
        s = name
        s = re.sub(r"shch", "schtsch", s, flags=re.I)
        s = re.sub(r"(?<!s)ch", "tsch", s)
        s = re.sub(r"(?<!s)Ch", "Tsch", s)
        s = re.sub(r"zh", "sch", s).replace("Zh", "Sch")
        s = re.sub(r"(?<![sct])h", "h", s)
        s = re.sub(r"kh", "ch", s).replace("Kh", "Ch")
        s = re.sub(r"(?<!c)sh", "sch", s).replace("Sh", "Sch")
        s = s.replace("v", "w").replace("V", "W")
        s = re.sub(r"\bY([aeiou])", r"J\1", s)
        s = re.sub(r"([aeiou])y([aeiou])", r"\1j\2", s)
        s = re.sub(r"iy\b", "i", s)
        s = re.sub(r"y\b", "i", s)
        s = re.sub(r"sk[iy]\b", "ski", s)
        s = re.sub(r"ei\b", "ej", s)
        s = re.sub(r"(?<=[aeiou])z", "s", s)
        s = re.sub(r"\bZ", "S", s)
        out.add(s)
    elif country in ARABIC:
        s = name
        s = re.sub(r"(?<!s)sh", "sch", s).replace("Sh", "Sch")
        s = re.sub(r"(?<![d])j", "dsch", s).replace("J", "Dsch")
        s = s.replace("ou", "u").replace("Ou", "U")
        s = re.sub(r"kh", "ch", s).replace("Kh", "Ch")
        s = re.sub(r"\bY([aeiou])", r"J\1", s)
        if country in {"IRN", "AFG"}:
            s = s.replace("v", "w").replace("V", "W")
        out.add(s)
        if "Muhammad" in name or "Mohammad" in name or "Mohammed" in name:
            for form in ("Mohammed", "Mohammad", "Muhammad"):
                out.add(re.sub(r"Mu?ha?mm[ae]d", form, s))
    out.discard(name)
    return out


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def placekey(s: str) -> str:
    return strip_accents(s).casefold().replace("-", " ").strip()


YEAR_PIVOT = 40  # two-digit years below this are 20xx (Phoenix data ends in 2014)


def parse_date(s: str) -> dt.date | None:
    s = s.strip()
    if not s:
        return None
    try:
        if len(s) == 8:
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        if len(s) == 6:
            yy = int(s[:2])
            return dt.date(2000 + yy if yy < YEAR_PIVOT else 1900 + yy, int(s[2:4]), int(s[4:]))
    except ValueError:
        return None
    return None


CODE_RE = re.compile(r"\[([A-Z\-~]{3,})\s*([<>]?\s*\d{6,8})?\s*(?:-\s*(\d{6,8}))?\s*\]")


def parse_codes(text: str) -> list[tuple[str, str, str]]:
    """'[RUSGOV 991231-080507] [RUSGOV >080508] [RUSELI]' → [(code, start ISO|'', end ISO|'')]."""
    out = []
    for code, a, b in CODE_RE.findall(text):
        a = (a or "").replace(" ", "")
        start = end = ""
        if a.startswith(">"):
            d = parse_date(a[1:])
            start = d.isoformat() if d else ""
        elif a.startswith("<"):
            d = parse_date(a[1:])
            end = d.isoformat() if d else ""
        elif a:
            d1, d2 = parse_date(a), parse_date(b or "")
            start = d1.isoformat() if d1 else ""
            end = d2.isoformat() if d2 else ""
        out.append((code, start, end))
    return out


def read_phoenix_blocks(path: Path) -> list[tuple[str, list[str], list[tuple[str, str, str]]]]:
    """Entries of a TABARI .actors file: (name, aliases, codes)."""
    blocks = []
    cur: list = []
    for line in path.read_text(encoding="utf8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body = line.split("#", 1)[0]
        if line[0] not in " \t+[":
            if cur:
                blocks.append(tuple(cur))
            name = body.split("[", 1)[0].strip()
            cur = [name, [], parse_codes(body)]
        elif cur and line.startswith("+"):
            cur[1].append(body[1:].split("[", 1)[0].strip())
            cur[2].extend(parse_codes(body))
        elif cur:
            cur[2].extend(parse_codes(body))
    if cur:
        blocks.append(tuple(cur))
    # TABARI: a name without codes directly followed by another name shares that name's codes
    merged: list = []
    pending: list = []
    for name, aliases, codes in blocks:
        if not codes:
            pending.append((name, aliases))
            continue
        for pname, paliases in pending:
            merged.append((pname, paliases, codes))
        pending = []
        merged.append((name, aliases, codes))
    return merged


def merge_blocks(blocks: list) -> dict[str, tuple[str, list[str], list[tuple[str, str, str]]]]:
    """Entries keyed by a normalised id; entries with the same id (BASHAR_AL_ASSAD, BASHAR_AL-ASSAD) merge."""
    out: dict = {}
    for name, aliases, codes in blocks:
        ident = re.sub(r"[^A-Z0-9]+", "_", strip_accents(name).upper()).strip("_")
        if ident in out:
            n0, a0, c0 = out[ident]
            out[ident] = (n0, a0 + [name] + aliases, c0 + [c for c in codes if c not in c0])
        else:
            out[ident] = (name, list(aliases), list(codes))
    return out


def is_plain_name(alias: str) -> bool:
    words = alias.strip("_").replace("_", " ").split()
    return bool(words) and not any(w.upper() in TITLE_WORDS for w in words) and not any(c.isdigit() for c in alias)


# Phoenix country codes that are not ISO 3166 alpha-3 (the gold uses ISO: Timor-Leste is TLS)
OLD_CODES = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "SRP": "SRB", "SCG": "SRB"}


def short_code(code: str) -> str:
    """Country-role codes keep country + first sector (TURGOVHLH → TURGOV); IGO/NGO codes stay whole."""
    if code[:3] in {"IGO", "NGO", "MNC"}:
        return code
    code = OLD_CODES.get(code[:3], code[:3]) + code[3:]
    return code[:6]


def reaches_1990(roles: list[tuple[str, str, str]]) -> bool:
    for _code, start, end in roles:
        if (start or end) and (not end or end >= "1990-01-01"):
            return True
    return False


def header(name: str, source: str, licence: str, columns: list[str]) -> list[str]:
    return [f"# lagebild actor dictionary: {name}", f"# version: {VERSION}", f"# source: {source}",
            f"# licence: {licence}", "# built by: python scripts/build_actors.py ../shared/data",
            "\t".join(columns)]


def write(path: Path, head: list[str], rows: list[list[str]]) -> None:
    lines = head + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    print(f"{path.name}: {len(rows)} rows, {path.stat().st_size // 1024} kB")


def adj_forms(stem: str) -> list[str]:
    return [stem + e for e in ("", "e", "en", "er", "es", "em")]


def build(data: Path) -> None:
    dic = data / "dictionaries"
    OUT.mkdir(parents=True, exist_ok=True)
    # ---- countries
    iso = {}
    with open(dic / "countries-nationality-en.csv", encoding="utf8") as f:
        for row in csv.DictReader(f):
            iso[row["CCA2"]] = row["CCA3"]
    iso.setdefault("XK", "XKX")
    terr = babel.Locale("de").territories
    rows = []
    seen = set()

    def add(code: str, form: str, kind: str, source: str) -> None:
        key = (code, form, kind)
        if form and key not in seen:
            seen.add(key)
            rows.append([code, form, kind, source])

    for a2, a3 in sorted(iso.items(), key=lambda kv: kv[1]):
        name = terr.get(a2)
        if not name or "(" in name:
            continue
        add(a3, name, "name", "CLDR")
        if a3 not in FEMININE and not name.endswith(("s", "x", "z", "ß")) and " " not in name:
            add(a3, name + "s", "genitive", "rule")
    for a3, names in EXTRA_NAMES.items():
        for n in names:
            add(a3, n, "name", "hand")
            if a3 not in FEMININE and not n.endswith(("s", "x", "z", "ß", "en")) and " " not in n and n.isalpha():
                add(a3, n + "s", "genitive", "rule")
    for a3, (stem, dsg, dpl) in ADJ.items():
        for st in [stem, *EXTRA_ADJ.get(a3, [])]:
            for form in adj_forms(st):
                add(a3, form, "adjective", "hand")
        for d in dict.fromkeys(x for x in (dsg, dpl) if x):  # ordered: the build is reproducible
            add(a3, d, "demonym", "hand")
            if dsg and d == dsg and dsg.endswith("e"):
                add(a3, dsg + "n", "demonym", "rule")
    for short, a3 in PREFIXES.items():
        add(a3, short, "prefix", "hand")
    for a3, (gens, stems) in REGIONS.items():
        for g in gens:
            add(a3, g, "genitive", "region")
        for st in stems:
            for form in adj_forms(st):
                add(a3, form, "adjective", "region")
    for a3, forms in REGION_INVARIABLE.items():
        for form in forms:
            add(a3, form, "adjective", "region")
    rows.sort(key=lambda r: (r[0], r[2], r[1]))
    write(OUT / "countries.tsv", header("countries: names, genitives, adjectives (all inflections), demonyms, prefixes",
                                        "Unicode CLDR German territory names via babel; lagebild hand lists",
                                        "Unicode License v3 (CLDR names); Apache-2.0 (hand lists)",
                                        ["code", "form", "kind", "source"]), rows)

    # ---- metonyms: hand list + GeoNames capitals (German name = English name) as a fallback
    mrows = [[form, code, kind, "hand"] for form, code, kind in METONYMS]
    have_codes = {code[:3] for _, code, _ in METONYMS}
    info = data / "geo" / "countryInfo.tsv"
    if info.exists():
        for line in info.read_text(encoding="utf8").splitlines():
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 6 or not cols[5] or cols[1] in have_codes or cols[5] in CAPITAL_STOP:
                continue
            if cols[0] not in terr:
                continue
            mrows.append([cols[5], cols[1] + "GOV", "capital", "GeoNames"])
    write(OUT / "metonyms.tsv", header("capitals and seats of power standing for a government",
                                       "lagebild hand list; GeoNames countryInfo capitals",
                                       "Apache-2.0 (hand list); CC BY 4.0 (GeoNames)",
                                       ["form", "code", "kind", "source"]), mrows)

    # ---- organisations (IGOs, NGOs) and non-state groups
    intl = merge_blocks(read_phoenix_blocks(dic / "Phoenix.International.actors.txt"))
    mil = merge_blocks(read_phoenix_blocks(dic / "Phoenix.MilNonState.actors.txt"))
    cty = merge_blocks(read_phoenix_blocks(dic / "Phoenix.Countries.actors.txt"))
    orows = []
    for forms, code, name, phoenix, prefixes in ORGS:
        pcode = ""
        if phoenix and phoenix in intl and intl[phoenix][2]:
            pcode = intl[phoenix][2][0][0]
        orows.append([f"org:{name}", code, "igo" if code.startswith("IGO") else "ngo", name, forms, prefixes,
                      f"Phoenix {phoenix} [{pcode}]" if phoenix else "hand"])
    for forms, code, name, phoenix in NONSTATE:
        pcode = ""
        for src in (mil, cty):
            if phoenix in src and src[phoenix][2]:
                pcode = src[phoenix][2][0][0]
                break
        orows.append([f"org:{name}", code, "nonstate", name, forms, "",
                      f"Phoenix {phoenix} [{pcode}]" if phoenix else "hand"])
    for forms, code, name, prefixes in PARTIES:
        orows.append([f"party:{name}", code, "party", name, forms, prefixes, "hand"])
    write(OUT / "orgs.tsv", header("international organisations, NGOs, non-state armed groups and parties (German forms)",
                                   "lagebild hand list; codes as in GUIDELINES.md, else Phoenix International/"
                                   "MilNonState (column 'provenance')",
                                   "MIT (Phoenix dictionaries, Open Event Data Alliance); Apache-2.0 (hand list)",
                                   ["id", "code", "kind", "name", "forms", "prefixes", "provenance"]), orows)

    # ---- sectors
    srows = []
    home = {form: countries for forms, countries in HOME_COUNTRIES for form in forms.split("|")}
    listed = set()
    for forms, sector, kind in SECTORS:
        for form in forms.split("|"):
            srows.append([form, sector, kind, home.get(form, "")])
            listed.add(form)
    for form, countries in home.items():
        if form.endswith("*"):
            srows.append([form[:-1], "---", "home", countries])
        elif form not in listed:
            raise SystemExit(f"HOME_COUNTRIES: {form} is not a sector noun in SECTORS")
    for stem, sector in ALIGN_ADJ:
        srows.append([stem, sector, "align", ""])
    for religion, countries in RELIGION_COUNTRIES:
        srows.append([religion, religion, "religion", countries])
    write(OUT / "sectors.tsv", header("German sector nouns (compounds match by their last element), alignment "
                                      "adjectives, words that are no actor (kind none) and the religion of a country's clergy "
                                      "(kind religion)", "lagebild hand list after the sectors of Phoenix.agents.txt",
                                      "Apache-2.0 (hand list); sector codes from CAMEO/Phoenix (MIT)",
                                      ["form", "sector", "kind", "home"]), srows)

    country_keys = {placekey(r[1]) for r in rows if r[2] in {"name", "genitive"}}
    country_keys |= {placekey(form) for form, _, _ in METONYMS}
    with open(dic / "countries-nationality-en.csv", encoding="utf8") as f:
        for row in csv.DictReader(f):
            country_keys.add(placekey(row["Name"]))
    # ---- persons: Phoenix leaders with date-bounded roles, German spellings by rule + hand list
    iso_codes = {r[0] for r in rows}
    prows = []
    for src_name, blocks in (("Countries", cty), ("International", intl)):
        for ident, (name, aliases, codes) in blocks.items():
            # a role needs a sector (RUSGOV) or an organisation (IGOUNO): a bare country code is no role
            roles = [(short_code(c), s, e) for c, s, e in codes if len(c) >= 6 and not c.startswith("~")]
            # a country code in the sector place (SDNSSD: South Sudan as a region of Sudan) is a place, not a role
            roles = [r for r in roles if r[0][:3] in {"IGO", "NGO", "MNC"} or r[0][3:6] not in iso_codes]
            if not roles or not reaches_1990(roles):
                continue
            if not is_plain_name(name) or len(name.strip("_").split("_")) < 2:
                continue
            country = next((c[:3] for c, _, _ in roles if c[:3] not in {"IGO", "NGO", "---"}), "")
            forms = {title_name(name)}
            for a in aliases:
                if is_plain_name(a):
                    forms.add(title_name(a))
            for f in list(forms):
                forms |= german_variants(f, country)
            forms |= set(HAND_NAMES.get(ident, []))
            # Phoenix lists some places and groups among the persons ("Timor-Leste"): a country name is no person
            if placekey(title_name(name)) in country_keys:
                continue
            forms = {f for f in forms if placekey(f) not in country_keys}
            if not forms:
                continue
            # a plain-ASCII form beside every accented one ("Karadžić" → "Karadzic") is done at match time
            role_s = ";".join(f"{c}:{s}:{e}" for c, s, e in roles)
            prows.append([f"person:{ident}", title_name(name), country, "|".join(sorted(forms)), role_s,
                          f"Phoenix.{src_name}"])
    write(OUT / "persons.tsv", header("persons with roles valid on dates (code:start:end; empty start/end = open; a "
                                      "role without dates is the default outside all ranges)",
                                      "Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (PETRARCH2), "
                                      "German spellings by rule (transliteration) and hand list",
                                      "MIT (Phoenix dictionaries, Open Event Data Alliance)",
                                      ["id", "name", "country", "forms", "roles", "source"]), prows)


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if not (data / "dictionaries").is_dir():
        print(f"no dictionaries under {data}", file=sys.stderr)
        return 1
    build(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
