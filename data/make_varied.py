#!/usr/bin/env python3
"""Generate data/varied_train.json: many entity types in many contexts, for zero-shot transfer.

data/train.json (make_data.py) has 40 entity types; a model trained on it alone learns those 40
names and little about reading a label it has never seen. This script writes a larger training
set with over 300 types, each filled with real, well-known names into several sentence templates
written for this project, most templates mixing two or three types:

  "{orchestra} will play music by {composer} at {concert hall} next season."

Format, tokenization and checks are those of make_data.py (imported from it, not copied):
GLiNER JSON, one record per line, words from TOKEN_RE, flat spans of at most 12 words.

Pools: `label | entity; entity; ...`. An entity written "the X" is used as "the X" in the text
with only "X" annotated (a leading "The" that belongs to a title, as in "The Guardian", is part of
the name). `label:variant` is a second pool of the same label (dates that read "on 12 March 2015"
versus "in 2011"). Templates: `{label}`, `{label:variant}`, `{label#2}` (a second, different entity
of the same pool); "a {x}" becomes "an {x}" before a vowel sound.

Asserted below: >= 300 types, each with >= 10 distinct entity strings, >= 3 templates and >= 12
sentences; the 40 types of train.json are among them; no held-out label of eval_unseen.json
(make_data.HELD_OUT_LABELS) and no near-synonym of one (BANNED_LABELS) is a label here; no entity
string of eval_unseen.json, and no other instance of a held-out type listed in FORBIDDEN_STRINGS,
occurs anywhere in the text; no sentence is shared with train.json or eval_unseen.json; every
annotated entity string is annotated wherever it occurs, here and across train.json.

Deterministic (random.Random(0)); standard library only.  Run:  python data/make_varied.py
"""
import os
import random
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_data  # noqa: E402
from make_data import (EVAL_UNSEEN, HELD_OUT_LABELS, TRAIN, build, find_all,  # noqa: E402
                       print_stats, stats, tokenize, unannotated_mentions, write_json)

N_SENTENCES = 5000          # target; each template is filled about N_SENTENCES / n_templates times
MIN_TYPES, MIN_ENTITIES, MIN_TEMPLATES, MIN_SENTENCES = 300, 10, 3, 12

# ---------------------------------------------------------------------------
# Entity pools: real, well-known names (plus a few invented private persons for "person").
# ---------------------------------------------------------------------------
POOLS_TEXT = r"""
# --- people ----------------------------------------------------------------
person | Tomasz Nowak; Aiko Tanaka; Kwame Mensah; Sofia Rossi; Daniel Okoro; Priya Sharma; Lucas Moreau;
  Hannah Becker; Mateo García; Emma Johansson; Yusuf Demir; Chen Wei; Ingrid Halvorsen; Rafael Costa;
  Leila Haddad; Oskar Lindgren
job title | accountant; nurse; plumber; electrician; pharmacist; software engineer; data scientist; librarian;
  paramedic; civil engineer; lawyer; dentist; carpenter; translator; firefighter; veterinarian; air traffic controller
politician | Abraham Lincoln; Margaret Thatcher; Franklin D. Roosevelt; Indira Gandhi; Otto von Bismarck; Golda Meir;
  Justin Trudeau; Helmut Kohl; Ellen Johnson Sirleaf; Lee Kuan Yew; Mikhail Gorbachev; Clement Attlee;
  Julius Nyerere; Olof Palme
monarch | Queen Victoria; Louis XIV; Henry VIII; Elizabeth I; Catherine the Great; Peter the Great; Charlemagne;
  Frederick the Great; Emperor Meiji; Ramesses II; Akbar; Suleiman the Magnificent; Haile Selassie; Mansa Musa;
  Isabella I of Castile
roman emperor | Augustus; Nero; Marcus Aurelius; Hadrian; Constantine the Great; Caligula; Trajan; Diocletian;
  Vespasian; Tiberius; Claudius; Septimius Severus
pope | Pope Francis; Pope John Paul II; Pope Benedict XVI; Pope John XXIII; Pope Paul VI; Pope Pius XII;
  Pope Gregory XIII; Pope Julius II; Pope Urban II; Pope Innocent III; Pope Leo XIII; Pope Sixtus IV
military leader | Napoleon Bonaparte; Julius Caesar; Alexander the Great; Hannibal; Genghis Khan; Horatio Nelson;
  Erwin Rommel; George S. Patton; Georgy Zhukov; Joan of Arc; Saladin; Yi Sun-sin; Arthur Wellesley
activist | Martin Luther King Jr; Rosa Parks; Greta Thunberg; Emmeline Pankhurst; Harvey Milk; Cesar Chavez;
  Wangari Maathai; Susan B. Anthony; Frederick Douglass; Harriet Tubman; Steve Biko; Malcolm X; Desmond Tutu
scientist | Charles Darwin; Isaac Newton; Galileo Galilei; Rosalind Franklin; Gregor Mendel; Louis Pasteur;
  Jane Goodall; Rachel Carson; Alexander von Humboldt; Barbara McClintock; Tu Youyou; Carl Linnaeus; Michael Faraday
physicist | Niels Bohr; Richard Feynman; Lise Meitner; Max Planck; Paul Dirac; Werner Heisenberg; Erwin Schrödinger;
  Stephen Hawking; Chien-Shiung Wu; Enrico Fermi; James Clerk Maxwell; Peter Higgs
chemist | Antoine Lavoisier; Dorothy Hodgkin; Linus Pauling; Robert Boyle; John Dalton; Humphry Davy; Fritz Haber;
  Alfred Nobel; Frances Arnold; Ahmed Zewail; Amedeo Avogadro; Svante Arrhenius
biologist | Francis Crick; Lynn Margulis; Alfred Russel Wallace; Ernst Mayr; Richard Dawkins; Rita Levi-Montalcini;
  Santiago Ramón y Cajal; Thomas Hunt Morgan; Ernst Haeckel; Sydney Brenner; E. O. Wilson; Edward Jenner
astronomer | Nicolaus Copernicus; Johannes Kepler; Tycho Brahe; Edwin Hubble; Carl Sagan; Vera Rubin;
  Henrietta Swan Leavitt; Caroline Herschel; William Herschel; Cecilia Payne-Gaposchkin; Jocelyn Bell Burnell;
  Edmond Halley; Subrahmanyan Chandrasekhar; Annie Jump Cannon
mathematician | Leonhard Euler; Carl Friedrich Gauss; Emmy Noether; Srinivasa Ramanujan; Euclid; Bernhard Riemann;
  Kurt Gödel; Henri Poincaré; Sofia Kovalevskaya; Maryam Mirzakhani; Terence Tao; Andrew Wiles; Hypatia;
  David Hilbert; Évariste Galois
computer scientist | Alan Turing; Donald Knuth; Edsger Dijkstra; Barbara Liskov; John McCarthy; Claude Shannon;
  Tony Hoare; Vint Cerf; Geoffrey Hinton; Yann LeCun; Fei-Fei Li; Yoshua Bengio; Frances Allen; Leslie Lamport
economist | Adam Smith; John Maynard Keynes; Milton Friedman; Amartya Sen; Friedrich Hayek; Joseph Stiglitz;
  Esther Duflo; Paul Krugman; Elinor Ostrom; David Ricardo; Thomas Piketty; Joseph Schumpeter; Thomas Malthus
philosopher | Plato; Aristotle; Socrates; Immanuel Kant; Friedrich Nietzsche; René Descartes; Confucius;
  Simone de Beauvoir; Jean-Paul Sartre; David Hume; Baruch Spinoza; Hannah Arendt; Ludwig Wittgenstein;
  John Stuart Mill; Søren Kierkegaard; Laozi
psychologist | Sigmund Freud; Carl Jung; Jean Piaget; B. F. Skinner; Ivan Pavlov; Abraham Maslow; Daniel Kahneman;
  Stanley Milgram; Albert Bandura; William James; Wilhelm Wundt; Mary Ainsworth; Erik Erikson
inventor | Thomas Edison; Alexander Graham Bell; Johannes Gutenberg; James Watt; Nikola Tesla; Hedy Lamarr;
  Guglielmo Marconi; Samuel Morse; Karl Benz; Alessandro Volta; Louis Braille; George Stephenson;
  Josephine Cochrane; Rudolf Diesel
explorer | Christopher Columbus; Ferdinand Magellan; Marco Polo; Roald Amundsen; Ernest Shackleton; Ibn Battuta;
  Zheng He; Vasco da Gama; James Cook; Edmund Hillary; Tenzing Norgay; Leif Erikson; Gertrude Bell;
  Robert Falcon Scott
astronaut | Neil Armstrong; Buzz Aldrin; Yuri Gagarin; Valentina Tereshkova; Sally Ride; Chris Hadfield;
  Mae Jemison; John Glenn; Tim Peake; Samantha Cristoforetti; Yang Liwei; Peggy Whitson; Alexei Leonov;
  Thomas Pesquet
painter | Vincent van Gogh; Claude Monet; Pablo Picasso; Johannes Vermeer; Georgia O'Keeffe; Salvador Dalí;
  Leonardo da Vinci; Caravaggio; Henri Matisse; Paul Cézanne; Gustav Klimt; Edvard Munch; Wassily Kandinsky;
  J. M. W. Turner; Artemisia Gentileschi; Diego Velázquez
sculptor | Auguste Rodin; Michelangelo; Donatello; Gian Lorenzo Bernini; Constantin Brâncuși; Henry Moore;
  Barbara Hepworth; Alberto Giacometti; Louise Bourgeois; Antony Gormley; Camille Claudel; Praxiteles;
  Anish Kapoor; Jeff Koons
architect | Frank Lloyd Wright; Le Corbusier; Antoni Gaudí; Ludwig Mies van der Rohe; I. M. Pei; Norman Foster;
  Renzo Piano; Oscar Niemeyer; Christopher Wren; Tadao Ando; Andrea Palladio; Filippo Brunelleschi; Walter Gropius
photographer | Ansel Adams; Dorothea Lange; Henri Cartier-Bresson; Annie Leibovitz; Robert Capa; Diane Arbus;
  Sebastião Salgado; Cindy Sherman; Steve McCurry; Vivian Maier; Richard Avedon; Man Ray; Yousuf Karsh
fashion designer | Coco Chanel; Christian Dior; Yves Saint Laurent; Karl Lagerfeld; Vivienne Westwood;
  Alexander McQueen; Giorgio Armani; Tom Ford; Donatella Versace; Miuccia Prada; Stella McCartney; Issey Miyake;
  Valentino Garavani; Hubert de Givenchy
composer | Ludwig van Beethoven; Wolfgang Amadeus Mozart; Johann Sebastian Bach; Pyotr Ilyich Tchaikovsky;
  Frédéric Chopin; Antonín Dvořák; Gustav Mahler; Igor Stravinsky; Claude Debussy; Johannes Brahms; Clara Schumann;
  Hildegard of Bingen; Philip Glass; Dmitri Shostakovich; Sergei Rachmaninoff; Erik Satie
conductor | Herbert von Karajan; Leonard Bernstein; Gustavo Dudamel; Simon Rattle; Arturo Toscanini; Marin Alsop;
  Daniel Barenboim; Seiji Ozawa; Georg Solti; Claudio Abbado; Valery Gergiev; Zubin Mehta; Riccardo Muti
singer | Aretha Franklin; Édith Piaf; Whitney Houston; Freddie Mercury; Elvis Presley; Billie Holiday;
  Frank Sinatra; Ella Fitzgerald; Amy Winehouse; Celine Dion; Umm Kulthum; Nina Simone; Bob Marley; Dolly Parton
rapper | Tupac Shakur; Eminem; Jay-Z; Nas; Missy Elliott; Lauryn Hill; Snoop Dogg; Nicki Minaj; Drake; Stormzy;
  Ice Cube; Lil Wayne; Queen Latifah
guitarist | Eric Clapton; Jimmy Page; Keith Richards; Django Reinhardt; Carlos Santana; Eddie Van Halen; Brian May;
  Jeff Beck; Andrés Segovia; Paco de Lucía; Sister Rosetta Tharpe; Jonny Greenwood; Mark Knopfler; Chet Atkins
pianist | Glenn Gould; Martha Argerich; Vladimir Horowitz; Arthur Rubinstein; Alfred Brendel; Mitsuko Uchida;
  Daniil Trifonov; Yuja Wang; Sviatoslav Richter; András Schiff; Clara Haskil; Maurizio Pollini
jazz musician | Louis Armstrong; Duke Ellington; John Coltrane; Charlie Parker; Thelonious Monk; Dizzy Gillespie;
  Herbie Hancock; Charles Mingus; Count Basie; Ornette Coleman; Sonny Rollins; Wynton Marsalis; Chet Baker
actor | Meryl Streep; Denzel Washington; Cate Blanchett; Penélope Cruz; Shah Rukh Khan; Viola Davis; Tilda Swinton;
  Song Kang-ho; Juliette Binoche; Tom Hanks; Daniel Kaluuya; Gong Li; Javier Bardem; Olivia Colman
film director | Alfred Hitchcock; Stanley Kubrick; Agnès Varda; Ingmar Bergman; Martin Scorsese; Federico Fellini;
  Satyajit Ray; Kathryn Bigelow; Steven Spielberg; Wong Kar-wai; Greta Gerwig; Pedro Almodóvar; Jane Campion;
  Andrei Tarkovsky
novelist | Charles Dickens; Fyodor Dostoevsky; Virginia Woolf; George Eliot; Victor Hugo; Isabel Allende; Mark Twain;
  Franz Kafka; Orhan Pamuk; Margaret Atwood; Naguib Mahfouz; Ernest Hemingway; Elena Ferrante; Italo Calvino
poet | Emily Dickinson; Walt Whitman; Pablo Neruda; Rumi; Maya Angelou; Langston Hughes; Wisława Szymborska;
  Rabindranath Tagore; Matsuo Bashō; Sylvia Plath; John Keats; William Wordsworth; Li Bai; Seamus Heaney;
  Anna Akhmatova
playwright | William Shakespeare; Henrik Ibsen; Anton Chekhov; Samuel Beckett; Arthur Miller; Tennessee Williams;
  Molière; Bertolt Brecht; Oscar Wilde; Lorraine Hansberry; Sophocles; Harold Pinter; Eugene O'Neill;
  Wole Soyinka; Caryl Churchill
journalist | Christiane Amanpour; Bob Woodward; Carl Bernstein; Nellie Bly; Walter Cronkite; Anna Politkovskaya;
  Marie Colvin; Ida B. Wells; Hunter S. Thompson; Edward R. Murrow; Ryszard Kapuściński; Oriana Fallaci;
  Martha Gellhorn; Seymour Hersh
chef | Julia Child; Gordon Ramsay; Auguste Escoffier; Anthony Bourdain; Ferran Adrià; Jamie Oliver; Alice Waters;
  Paul Bocuse; Massimo Bottura; René Redzepi; Yotam Ottolenghi; Nigella Lawson; Joël Robuchon; Madhur Jaffrey
entrepreneur | Steve Jobs; Bill Gates; Elon Musk; Jack Ma; Richard Branson; Estée Lauder; Henry Ford;
  Mark Zuckerberg; Larry Page; Sara Blakely; Ratan Tata; Aliko Dangote; Walt Disney
comedian | Charlie Chaplin; Robin Williams; Richard Pryor; Lucille Ball; Rowan Atkinson; Jerry Seinfeld;
  Eddie Murphy; Joan Rivers; Dave Chappelle; Trevor Noah; Tina Fey; Billy Connolly; Mel Brooks
television presenter | David Attenborough; Oprah Winfrey; Jeremy Clarkson; Graham Norton; Jimmy Fallon;
  Conan O'Brien; Jon Stewart; Stephen Colbert; Anderson Cooper; Claudia Winkleman; Gary Lineker; Ellen DeGeneres
cartoonist | Charles M. Schulz; Hergé; Osamu Tezuka; Bill Watterson; Art Spiegelman; Marjane Satrapi; Jack Kirby;
  Alan Moore; Moebius; Gary Larson; Akira Toriyama; Rumiko Takahashi; Quino
spy | Mata Hari; Kim Philby; Aldrich Ames; Richard Sorge; Klaus Fuchs; Virginia Hall; Noor Inayat Khan;
  Oleg Gordievsky; Juan Pujol García; Robert Hanssen; Anthony Blunt
footballer | Pelé; Diego Maradona; Cristiano Ronaldo; Zinedine Zidane; Johan Cruyff; Marta; Mia Hamm;
  Franz Beckenbauer; Ronaldinho; Kylian Mbappé; Mohamed Salah; Megan Rapinoe; George Best; Eusébio; Alexia Putellas
tennis player | Steffi Graf; Billie Jean King; Björn Borg; Martina Navratilova; Andre Agassi; Rod Laver;
  Arthur Ashe; Iga Świątek; Pete Sampras; Li Na; Carlos Alcaraz; Monica Seles
basketball player | LeBron James; Kobe Bryant; Magic Johnson; Kareem Abdul-Jabbar; Stephen Curry; Shaquille O'Neal;
  Dirk Nowitzki; Yao Ming; Diana Taurasi; Tim Duncan; Giannis Antetokounmpo; Lisa Leslie; Bill Russell
cricketer | Don Bradman; Brian Lara; Shane Warne; Virat Kohli; Muttiah Muralitharan; Garfield Sobers; Ellyse Perry;
  Jacques Kallis; Wasim Akram; Kapil Dev; Ben Stokes; Viv Richards
golfer | Tiger Woods; Jack Nicklaus; Arnold Palmer; Annika Sörenstam; Seve Ballesteros; Rory McIlroy; Gary Player;
  Ben Hogan; Lorena Ochoa; Phil Mickelson; Nancy Lopez; Ernie Els; Nelly Korda
swimmer | Michael Phelps; Katie Ledecky; Mark Spitz; Dawn Fraser; Kristin Otto; Dara Torres; Adam Peaty;
  Caeleb Dressel; Sarah Sjöström; Léon Marchand; Krisztina Egerszegi; Kosuke Kitajima; Federica Pellegrini
cyclist | Eddy Merckx; Miguel Induráin; Bernard Hinault; Chris Froome; Tadej Pogačar; Marianne Vos; Fausto Coppi;
  Greg LeMond; Jacques Anquetil; Mark Cavendish; Bradley Wiggins; Jonas Vingegaard; Peter Sagan
racing driver | Ayrton Senna; Michael Schumacher; Lewis Hamilton; Juan Manuel Fangio; Niki Lauda; Alain Prost;
  Sebastian Vettel; Jackie Stewart; Jim Clark; Fernando Alonso; Mario Andretti; Danica Patrick; Sébastien Loeb
gymnast | Nadia Comăneci; Olga Korbut; Kohei Uchimura; Larisa Latynina; Vitaly Scherbo; Nastia Liukin;
  Aliya Mustafina; Gabby Douglas; Rebeca Andrade; Nikolai Andrianov; Věra Čáslavská; Max Whitlock; Sunisa Lee
baseball player | Babe Ruth; Jackie Robinson; Hank Aaron; Shohei Ohtani; Lou Gehrig; Willie Mays; Ichiro Suzuki;
  Derek Jeter; Roberto Clemente; Ted Williams; Sadaharu Oh; Mariano Rivera; Ty Cobb
sprinter | Florence Griffith-Joyner; Carl Lewis; Jesse Owens; Shelly-Ann Fraser-Pryce; Michael Johnson;
  Elaine Thompson-Herah; Allyson Felix; Wilma Rudolph; Maurice Greene; Noah Lyles; Marie-José Pérec;
  Wayde van Niekerk; Fanny Blankers-Koen
skier | Lindsey Vonn; Mikaela Shiffrin; Ingemar Stenmark; Hermann Maier; Marcel Hirscher; Alberto Tomba; Bode Miller;
  Franz Klammer; Jean-Claude Killy; Marit Bjørgen; Aksel Lund Svindal; Annemarie Moser-Pröll
marathon runner | Paula Radcliffe; Haile Gebrselassie; Abebe Bikila; Kenenisa Bekele; Tegla Loroupe; Emil Zátopek;
  Brigid Kosgei; Mo Farah; Joan Benoit; Grete Waitz; Kelvin Kiptum; Catherine Ndereba
ice hockey player | Mario Lemieux; Sidney Crosby; Alexander Ovechkin; Bobby Orr; Gordie Howe; Connor McDavid;
  Jaromír Jágr; Maurice Richard; Hayley Wickenheiser; Mark Messier; Teemu Selänne; Dominik Hašek
rugby player | Jonah Lomu; Richie McCaw; Jonny Wilkinson; Dan Carter; Brian O'Driscoll; Siya Kolisi; Gareth Edwards;
  Martin Johnson; David Campese; Antoine Dupont; Serge Blanco; Sergio Parisse
musical instrument | violin; cello; harp; accordion; sitar; oud; saxophone; trumpet; trombone; clarinet; bagpipes;
  ukulele; banjo; harmonica; piano; didgeridoo; tabla; koto; balalaika; double bass
# --- organizations ---------------------------------------------------------
organization | the Royal Society; the Nobel Foundation; the World Economic Forum; the Mozilla Foundation;
  the National Trust; Rotary International; the Royal Institution; Transparency International;
  the Electronic Frontier Foundation; the Royal Geographical Society; Human Rights Watch; the Wikimedia Foundation
company | Philips; Nokia; Huawei; Alibaba; Tencent; Maersk; Nvidia; Adobe; Danone; Canon; Panasonic; Siemens;
  Unilever; Samsung Electronics; Spotify
airline | Lufthansa; Qantas; KLM; Air France; British Airways; Singapore Airlines; Delta Air Lines; Turkish Airlines;
  Cathay Pacific; Iberia; Ethiopian Airlines; Qatar Airways; LATAM Airlines; Japan Airlines
bank | Deutsche Bank; HSBC; Goldman Sachs; JPMorgan Chase; Barclays; Santander; BNP Paribas; UBS; Citigroup; ING;
  Crédit Agricole; Wells Fargo; Standard Chartered
central bank | the European Central Bank; the Bank of England; the Bank of Japan; the Reserve Bank of India;
  the People's Bank of China; the Swiss National Bank; the Bundesbank; the Reserve Bank of Australia;
  the Bank of Canada; the Banque de France; the Sveriges Riksbank
stock exchange | the New York Stock Exchange; Nasdaq; the London Stock Exchange; the Shanghai Stock Exchange; Euronext;
  the Frankfurt Stock Exchange; the Hong Kong Stock Exchange; the Bombay Stock Exchange; the Toronto Stock Exchange;
  the Johannesburg Stock Exchange; the SIX Swiss Exchange; the Korea Exchange
stock index | S&P 500; Dow Jones Industrial Average; FTSE 100; Nikkei 225; DAX; CAC 40; Hang Seng Index;
  Nasdaq Composite; Euro Stoxx 50; Sensex; IBEX 35; KOSPI
supermarket chain | Tesco; Walmart; Carrefour; Aldi; Lidl; Kroger; Sainsbury's; Whole Foods Market; Costco;
  Albert Heijn; Mercadona; Edeka; Trader Joe's
restaurant chain | McDonald's; Burger King; KFC; Starbucks; Pizza Hut; Taco Bell; Wendy's; Domino's; Five Guys;
  Nando's; Shake Shack; In-N-Out Burger; Wagamama
hotel chain | Hilton; Marriott; Hyatt; InterContinental; Accor; Radisson; Sheraton; Ritz-Carlton; Holiday Inn;
  Best Western; Mandarin Oriental; Wyndham; Novotel
car manufacturer | Ferrari; Lamborghini; Renault; Peugeot; Hyundai; Kia; Subaru; Mazda; Škoda; Audi; Citroën;
  Alfa Romeo; Rolls-Royce; Aston Martin
sportswear brand | Nike; Adidas; Puma; Reebok; Under Armour; Asics; New Balance; Umbro; Fila; Lululemon; Mizuno;
  Le Coq Sportif
fashion brand | Chanel; Gucci; Prada; Louis Vuitton; Hermès; Burberry; Dior; Versace; Balenciaga; Uniqlo; Zara;
  Levi's; Armani
watch brand | Rolex; Omega; Patek Philippe; TAG Heuer; Cartier; Audemars Piguet; Breitling; Swatch; Seiko; Casio;
  Tissot; Longines
cosmetics brand | L'Oréal; Maybelline; Lancôme; Clinique; MAC Cosmetics; Nivea; Shiseido; Revlon; The Body Shop;
  Avon; Clarins; Bobbi Brown
chocolate brand | Lindt; Godiva; Cadbury; Ghirardelli; Valrhona; Milka; Côte d'Or; Hershey's; Toblerone;
  Ritter Sport; Guylian; Neuhaus
instrument maker | Steinway & Sons; Fender; Gibson; Yamaha; Selmer; Bösendorfer; Rickenbacker; Hohner; Ibanez;
  Bechstein; Stentor; Buffet Crampon
record label | Motown; Def Jam Recordings; Blue Note Records; Sub Pop; Atlantic Records; Island Records; Rough Trade;
  Deutsche Grammophon; Factory Records; Sun Records; XL Recordings; Warp Records; Stax Records
publisher | Penguin Books; HarperCollins; Random House; Faber and Faber; Bloomsbury Publishing; Macmillan; Gallimard;
  Simon & Schuster; Hachette; Oxford University Press; Scholastic; Alfred A. Knopf; Suhrkamp
film studio | Pixar; Warner Bros. Pictures; Universal Pictures; Paramount Pictures; DreamWorks Animation; Lionsgate;
  A24; Columbia Pictures; Aardman Animations; Toho; Metro-Goldwyn-Mayer; Walt Disney Studios
streaming service | Disney+; Hulu; Amazon Prime Video; Apple TV+; Crunchyroll; BBC iPlayer; Paramount+; Mubi; Viaplay;
  Showmax; ZEE5; Criterion Channel
news agency | Reuters; the Associated Press; Agence France-Presse; Xinhua; Kyodo News; ANSA; Deutsche Presse-Agentur;
  EFE; TASS; the Press Trust of India; Anadolu Agency; Yonhap
tv channel | BBC One; BBC Two; Channel 4; Al Jazeera; Arte; PBS; Discovery Channel; ZDF; Rai 1; CBC; SBS; Sky Arts;
  France 2; NHK
newspaper | The Guardian; Le Monde; El País; the Financial Times; The New York Times; The Washington Post;
  Süddeutsche Zeitung; The Times of India; The Asahi Shimbun; The Irish Times; Corriere della Sera;
  The Sydney Morning Herald; Die Zeit; Le Figaro
magazine | Vogue; National Geographic; The New Yorker; Der Spiegel; Wired; Forbes; Scientific American; Paris Match;
  Rolling Stone; Harper's Bazaar; Reader's Digest; Monocle; The Atlantic
scientific journal | The Lancet; the New England Journal of Medicine; PLOS ONE; Physical Review Letters; JAMA;
  The BMJ; the Annals of Mathematics; the Journal of the American Chemical Society;
  the Proceedings of the National Academy of Sciences; the Astrophysical Journal; Acta Mathematica; Nature Medicine
charity | Save the Children; Cancer Research UK; Doctors Without Borders; Habitat for Humanity; the Wellcome Trust;
  the Bill & Melinda Gates Foundation; the Salvation Army; WaterAid; Comic Relief; Barnardo's;
  the World Wide Fund for Nature; Mercy Corps; the Against Malaria Foundation; BRAC
international organization | the United Nations; the World Trade Organization; UNESCO; UNICEF; the African Union;
  ASEAN; OPEC; the World Bank; the International Olympic Committee; Interpol; the OECD;
  the International Atomic Energy Agency; the Organization of American States; the Arab League
government agency | the FBI; the Internal Revenue Service; the Food and Drug Administration; the National Health Service;
  the Met Office; NOAA; Transport for London; the Social Security Administration; the Federal Aviation Administration;
  the US Census Bureau; the Australian Taxation Office; the Environment Agency
space agency | NASA; the European Space Agency; ISRO; JAXA; Roscosmos; the China National Space Administration;
  CNES; the Canadian Space Agency; the UK Space Agency; the Italian Space Agency; the German Aerospace Center;
  the Israel Space Agency
intelligence agency | the CIA; MI6; the KGB; Mossad; GCHQ; the NSA; the BND; the DGSE; ASIS; the Stasi; the ISI; CSIS
police force | the Metropolitan Police; the Royal Canadian Mounted Police; the New York City Police Department;
  the Gendarmerie nationale; the Carabinieri; the Guardia Civil; the Los Angeles Police Department;
  the Garda Síochána; the Bundespolizei; the Polizia di Stato; the Hong Kong Police Force; Police Scotland
trade union | the AFL-CIO; the Teamsters; UNISON; IG Metall; the United Auto Workers; the Trades Union Congress;
  the National Union of Mineworkers; the Congress of South African Trade Unions; the National Education Association;
  the United Steelworkers; the Australian Council of Trade Unions; Ver.di
religious order | Jesuits; Franciscans; Benedictines; Dominicans; Carmelites; Cistercians; Trappists; Knights Templar;
  Missionaries of Charity; Augustinians; Capuchins; Salesians
political party | the Labour Party; the Conservative Party; the Democratic Party; the Republican Party;
  the Social Democratic Party of Germany; the Christian Democratic Union; the African National Congress;
  the Indian National Congress; the Liberal Democratic Party; the Scottish National Party; Podemos; Sinn Féin;
  the Liberal Party of Canada; the Green Party
legislature | the Bundestag; the House of Commons; the Knesset; the State Duma; the Storting; the Riksdag;
  the Folketing; the Althing; the Sejm; Dáil Éireann; the Cortes Generales; the National People's Congress;
  the House of Lords; the Congress of Deputies
court | the International Court of Justice; the European Court of Human Rights; the International Criminal Court;
  the Court of Justice of the European Union; the Old Bailey; the US Supreme Court; the High Court of Australia;
  the Constitutional Court of South Africa; the Inter-American Court of Human Rights;
  the Permanent Court of Arbitration; the Supreme Court of India
university | the University of Oxford; Harvard University; Stanford University; the University of Tokyo;
  ETH Zurich; the University of Cape Town; Peking University; the Sorbonne; McGill University;
  the University of Melbourne; Heidelberg University; the University of São Paulo; Seoul National University;
  the University of Edinburgh; Kyoto University; Trinity College Dublin; the University of Bologna;
  the National University of Singapore
business school | Harvard Business School; INSEAD; London Business School; the Wharton School;
  Stanford Graduate School of Business; IESE; HEC Paris; IMD; the Kellogg School of Management;
  Saïd Business School; Columbia Business School; the Indian Institute of Management Ahmedabad
school | Eton College; Harrow School; Phillips Exeter Academy; Gordonstoun; Lycée Louis-le-Grand; Raffles Institution;
  the Bronx High School of Science; Stuyvesant High School; Winchester College; the Doon School;
  Geelong Grammar School; Institut Le Rosey
conservatory | the Juilliard School; the Royal Academy of Music; the Paris Conservatoire; Berklee College of Music;
  the Curtis Institute of Music; the Moscow Conservatory; the Royal College of Music; the Mozarteum;
  the Liszt Academy; the Royal Northern College of Music; the Sibelius Academy; the Guildhall School of Music and Drama
research institute | the Pasteur Institute; the Francis Crick Institute; the Salk Institute; the Weizmann Institute of Science;
  the Broad Institute; Scripps Research; Riken; the Santa Fe Institute; the Institute for Advanced Study;
  the Wellcome Sanger Institute; the Allen Institute for Brain Science; the Karolinska Institute
think tank | the Brookings Institution; the RAND Corporation; Chatham House; the Heritage Foundation;
  the Cato Institute; the Council on Foreign Relations; the Carnegie Endowment for International Peace; Bruegel;
  the Institute for Fiscal Studies; the Peterson Institute for International Economics;
  the Center for Strategic and International Studies; the Resolution Foundation
consulting firm | McKinsey & Company; Boston Consulting Group; Bain & Company; Deloitte; PwC; EY; KPMG; Accenture;
  Booz Allen Hamilton; Oliver Wyman; Roland Berger; Capgemini
pharmaceutical company | Pfizer; Novartis; Roche; AstraZeneca; GSK; Merck; Sanofi; Johnson & Johnson; Bayer;
  Moderna; BioNTech; Eli Lilly; Novo Nordisk; Takeda
oil company | BP; ExxonMobil; Saudi Aramco; TotalEnergies; Chevron; Equinor; Petrobras; Gazprom; ConocoPhillips;
  Eni; Repsol; Sinopec; PetroChina
telecommunications company | Vodafone; AT&T; Verizon; Deutsche Telekom; NTT; China Mobile; Telefónica; BT Group;
  T-Mobile; Airtel; MTN Group; Swisscom; Telstra
aircraft manufacturer | Airbus; Embraer; Bombardier; Lockheed Martin; Cessna; Dassault Aviation; Gulfstream;
  Antonov; Sukhoi; Tupolev; Saab; Pilatus Aircraft
sports league | the Premier League; the National Football League; Major League Baseball; La Liga; Serie A;
  the National Hockey League; the Indian Premier League; Ligue 1; the Eredivisie; Major League Soccer; the WNBA;
  Super Rugby; the J1 League; the EuroLeague
sports governing body | FIFA; UEFA; World Athletics; the International Cricket Council; World Rugby;
  the International Tennis Federation; the FIA; FIBA; World Aquatics; the Union Cycliste Internationale;
  the International Ski Federation; the Football Association
sports team | Real Madrid; Manchester United; FC Barcelona; Bayern Munich; Liverpool FC; Boca Juniors; Ajax;
  Juventus; Paris Saint-Germain; the Los Angeles Lakers; the Chicago Bulls; the Boston Celtics;
  the New York Yankees; the Dallas Cowboys; the New Zealand All Blacks; the Golden State Warriors;
  Flamengo; Galatasaray
orchestra | the Vienna Philharmonic; the London Symphony Orchestra; the Royal Concertgebouw Orchestra;
  the Chicago Symphony Orchestra; the New York Philharmonic; the Boston Symphony Orchestra;
  the Philadelphia Orchestra; the Cleveland Orchestra; the Los Angeles Philharmonic; the Gewandhaus Orchestra;
  the Staatskapelle Dresden; the Israel Philharmonic Orchestra; the Orchestre de Paris
band | The Beatles; The Rolling Stones; Led Zeppelin; Pink Floyd; Radiohead; Nirvana; Fleetwood Mac; ABBA; U2;
  Coldplay; Daft Punk; Metallica; The Clash; Kraftwerk; The Velvet Underground; Arctic Monkeys; Talking Heads
museum | Louvre; British Museum; Rijksmuseum; Prado Museum; Uffizi Gallery; Metropolitan Museum of Art;
  Hermitage Museum; Museum of Modern Art; Vatican Museums; Egyptian Museum; National Gallery; Guggenheim Museum;
  Pergamon Museum; Van Gogh Museum; Musée d'Orsay; Acropolis Museum; Natural History Museum
library | the British Library; the Library of Congress; the Bodleian Library; the New York Public Library;
  the Bibliothèque nationale de France; the Trinity College Library; the National Library of China;
  the Vatican Library; the Biblioteca Vasconcelos; the State Library Victoria; the Royal Danish Library;
  the National Diet Library
hospital | Johns Hopkins Hospital; Massachusetts General Hospital; the Charité; Great Ormond Street Hospital;
  the Cleveland Clinic; Karolinska University Hospital; the Pitié-Salpêtrière Hospital; Toronto General Hospital;
  the Royal Melbourne Hospital; Mount Sinai Hospital; Guy's Hospital; Addenbrooke's Hospital; Groote Schuur Hospital
# --- places ----------------------------------------------------------------
city | London; Paris; Tokyo; New York; Berlin; Madrid; Rome; Cairo; Lagos; Nairobi; Mumbai; New Delhi; Bangkok; Seoul;
  Sydney; Melbourne; Toronto; Vancouver; Mexico City; São Paulo; Buenos Aires; Lima; Bogotá; Santiago; Istanbul;
  Athens; Vienna; Prague; Budapest; Warsaw; Stockholm; Oslo; Copenhagen; Helsinki; Dublin; Edinburgh; Lisbon;
  Barcelona; Milan; Munich; Amsterdam; Brussels; Zurich; Geneva; Kyiv; Dubai; Karachi; Dhaka; Jakarta; Manila;
  Hanoi; Hong Kong; Shanghai; Beijing; Osaka; Kyoto; Marrakesh; Cape Town; Johannesburg; Accra; Addis Ababa; Havana;
  Montreal; Los Angeles; San Francisco; Boston; Seattle; Auckland; Reykjavik; Krakow; Porto; Seville
country | France; Germany; Japan; Brazil; India; China; Canada; Mexico; Kenya; Nigeria; Egypt; Italy; Spain; Portugal;
  Greece; Turkey; Norway; Sweden; Finland; Poland; Argentina; Chile; Peru; Colombia; Australia; New Zealand;
  South Africa; South Korea; Vietnam; Thailand; Indonesia; Morocco; Ghana; Ethiopia; Iceland; Ireland; Austria;
  Switzerland; Denmark; Belgium; Hungary; Ukraine; Pakistan; Bangladesh; Iran; Saudi Arabia; Cuba; Jamaica; Nepal;
  Mongolia; Senegal; Tanzania; the United States; the United Kingdom; the Netherlands; the Philippines;
  the Czech Republic
river | Nile; Amazon; Danube; Rhine; Thames; Seine; Mekong; Ganges; Yangtze; Volga; Mississippi; Zambezi; Congo;
  Tagus; Douro; Elbe; Vistula; Indus; Orinoco; Murray; Yukon; Rhône
lake | Lake Como; Lake Geneva; Lake Baikal; Lake Titicaca; Lake Victoria; Lake Superior; Loch Ness; Lake Tahoe;
  Lake Bled; Lake Malawi; Lake Constance; Lake Balaton; Lake Ohrid; Lake Louise; Lake Tanganyika; Lake Garda
mountain | Mount Everest; K2; Mont Blanc; Matterhorn; Denali; Annapurna; Aconcagua; Ben Nevis; Zugspitze;
  Mount Olympus; Table Mountain; Eiger; Mount Kosciuszko; Nanga Parbat; Kangchenjunga; Mount Whitney; Triglav
mountain range | Alps; Andes; Himalayas; Rocky Mountains; Pyrenees; Carpathian Mountains; Ural Mountains;
  Atlas Mountains; Appalachian Mountains; Dolomites; Caucasus; Hindu Kush; Sierra Nevada; Karakoram;
  Great Dividing Range; Drakensberg
desert | Sahara; Gobi Desert; Kalahari Desert; Atacama Desert; Mojave Desert; Arabian Desert; Sonoran Desert; Great
  Victoria Desert; Thar Desert; Taklamakan Desert; Chihuahuan Desert; Simpson Desert
island | Sicily; Sardinia; Corsica; Crete; Bali; Tasmania; Hokkaido; Zanzibar; Tenerife; Mallorca; Santorini;
  Greenland; Vancouver Island; Rhodes; Gotland; Skye
waterfall | Niagara Falls; Angel Falls; Iguazu Falls; Gullfoss; Yosemite Falls; Kaieteur Falls; the Rhine Falls;
  Dettifoss; Skógafoss; Multnomah Falls; Tugela Falls; Sutherland Falls; Seljalandsfoss
glacier | the Perito Moreno Glacier; the Aletsch Glacier; Vatnajökull; the Khumbu Glacier; the Mer de Glace;
  the Hubbard Glacier; the Fox Glacier; the Franz Josef Glacier; the Siachen Glacier; the Thwaites Glacier;
  the Mendenhall Glacier; the Athabasca Glacier
canal | Panama Canal; Suez Canal; Grand Canal; Kiel Canal; Erie Canal; Corinth Canal; Canal du Midi; Welland Canal;
  Rideau Canal; Göta Canal; Caledonian Canal
national park | Yosemite National Park; Banff National Park; Kruger National Park; Serengeti National Park;
  Torres del Paine National Park; Zion National Park; Kakadu National Park; Fiordland National Park;
  Plitvice Lakes National Park; Jasper National Park; Virunga National Park; Grand Canyon National Park;
  Lake District National Park; Chitwan National Park
neighborhood | Brooklyn; Montmartre; Shibuya; Kreuzberg; Soho; Trastevere; Greenwich Village; Notting Hill;
  Le Marais; Harlem; Shoreditch; La Boca; Gion; Alfama; Kowloon
street | Fifth Avenue; Oxford Street; La Rambla; Nevsky Prospect; Unter den Linden; Orchard Road; Rodeo Drive;
  Lombard Street; Bourbon Street; Via del Corso; Istiklal Avenue; Bahnhofstrasse; Nanjing Road
square | Times Square; Red Square; Trafalgar Square; Tiananmen Square; Dam Square; Wenceslas Square; Plaza Mayor;
  Piazza Navona; Place de la Concorde; Jemaa el-Fnaa; St. Peter's Square; Grand-Place; Piazza San Marco
park | Central Park; Hyde Park; the Tiergarten; Golden Gate Park; Stanley Park; Ueno Park; Gorky Park; Phoenix Park;
  Retiro Park; Park Güell; the Vondelpark; the Luxembourg Gardens; Regent's Park
bridge | Tower Bridge; the Brooklyn Bridge; the Sydney Harbour Bridge; the Ponte Vecchio; the Charles Bridge;
  the Rialto Bridge; the Millau Viaduct; the Øresund Bridge; the Akashi Kaikyō Bridge; the Pont Neuf;
  the Forth Bridge; Stari Most; the Széchenyi Chain Bridge
tunnel | Channel Tunnel; Gotthard Base Tunnel; Seikan Tunnel; Holland Tunnel; Lincoln Tunnel; Lærdal Tunnel;
  Mont Blanc Tunnel; Lötschberg Base Tunnel; Brenner Base Tunnel; Simplon Tunnel; Eisenhower Tunnel; Blackwall Tunnel
airport | Heathrow Airport; Changi Airport; Schiphol; Haneda Airport; Frankfurt Airport; Incheon International Airport;
  O'Hare International Airport; Istanbul Airport; Charles de Gaulle Airport; John F. Kennedy International Airport;
  Dubai International Airport; Hartsfield–Jackson Atlanta International Airport; Sydney Airport
railway station | King's Cross; Gare du Nord; Grand Central Terminal; Shinjuku Station; Berlin Hauptbahnhof;
  Zürich HB; Amsterdam Centraal; St Pancras; Atocha; Milano Centrale; Chhatrapati Shivaji Terminus;
  Washington Union Station; Antwerp Central
metro system | London Underground; New York City Subway; Paris Métro; Moscow Metro; Tokyo Metro; Berlin U-Bahn;
  Madrid Metro; Shanghai Metro; Delhi Metro; Mexico City Metro; Montreal Metro; Singapore MRT
stadium | Camp Nou; the Maracanã; the Santiago Bernabéu Stadium; Old Trafford; the Allianz Arena; San Siro;
  Madison Square Garden; the Melbourne Cricket Ground; the Estadio Azteca; the Rose Bowl; Yankee Stadium;
  the Stade de France; Lambeau Field; Signal Iduna Park
race track | Silverstone Circuit; the Circuit de Monaco; Suzuka Circuit; the Indianapolis Motor Speedway;
  the Nürburgring; Circuit de Spa-Francorchamps; Daytona International Speedway; the Circuit of the Americas;
  Interlagos; Brands Hatch; the Bahrain International Circuit; Monza
concert hall | Carnegie Hall; the Royal Albert Hall; the Musikverein; the Elbphilharmonie;
  the Walt Disney Concert Hall; Wigmore Hall; the Concertgebouw; Suntory Hall; Symphony Hall;
  the Palau de la Música Catalana; the Rudolfinum; the Barbican Centre
theatre | Globe Theatre; Old Vic; Abbey Theatre; National Theatre; Burgtheater; Young Vic; Royal Court Theatre;
  Minack Theatre; London Palladium; Kabuki-za; Lyceum Theatre; Gate Theatre
castle | Edinburgh Castle; Windsor Castle; Neuschwanstein Castle; Himeji Castle; Prague Castle; Bran Castle;
  the Château de Chambord; Conwy Castle; Hohenzollern Castle; Malbork Castle; Eilean Donan; Warwick Castle;
  Kronborg Castle
palace | Buckingham Palace; the Palace of Versailles; the Forbidden City; Schönbrunn Palace; Topkapı Palace;
  the Potala Palace; the Royal Palace of Madrid; Peterhof Palace; the Hofburg; Sanssouci; Gyeongbokgung Palace;
  Mysore Palace; the Alhambra
cathedral | St Paul's Cathedral; Cologne Cathedral; Milan Cathedral; Chartres Cathedral; Canterbury Cathedral;
  Seville Cathedral; St Basil's Cathedral; Florence Cathedral; Salisbury Cathedral; St Patrick's Cathedral;
  Reims Cathedral; St Vitus Cathedral
temple | Borobudur; the Temple of Heaven; Karnak; the Golden Temple; Kinkaku-ji; Sensō-ji; Wat Arun;
  the Meenakshi Temple; Abu Simbel; Prambanan; the Lotus Temple; Wat Pho
mosque | Blue Mosque; Sheikh Zayed Grand Mosque; Hassan II Mosque; Faisal Mosque; Badshahi Mosque; Jama Masjid;
  Süleymaniye Mosque; Istiqlal Mosque; Great Mosque of Djenné; Umayyad Mosque; Hagia Sophia; Great Mosque of Kairouan
skyscraper | the Empire State Building; the Shanghai Tower; Taipei 101; One World Trade Center; the Chrysler Building;
  the Shard; the Willis Tower; Lotte World Tower; the Flatiron Building; the Gherkin; the Transamerica Pyramid;
  the Torre Agbar
landmark | the Statue of Liberty; Christ the Redeemer; the Leaning Tower of Pisa; the Atomium; the CN Tower;
  the Space Needle; the Kremlin; the Hollywood Sign; Mount Rushmore; the Gateway Arch; the Eiffel Tower;
  Big Ben; the Great Wall of China; the Colosseum; the Taj Mahal
zoo | San Diego Zoo; the Bronx Zoo; London Zoo; Singapore Zoo; Taronga Zoo; Schönbrunn Zoo; Artis; Chester Zoo;
  Zoo Zürich; Ueno Zoo; the Toronto Zoo; Zoo Berlin
amusement park | Disneyland; Tivoli Gardens; Europa-Park; Efteling; Cedar Point; Alton Towers; PortAventura World;
  Everland; Liseberg; Universal Studios Japan; Gardaland; Blackpool Pleasure Beach
market | the Grand Bazaar; La Boqueria; Borough Market; Chatuchak Weekend Market; Khan el-Khalili;
  Pike Place Market; Camden Market; the Naschmarkt; Mercado de San Miguel; Queen Victoria Market;
  the Marché des Enfants Rouges; Tsukiji Outer Market
hotel | the Ritz; the Savoy; Raffles Hotel; the Waldorf Astoria; the Burj Al Arab; Marina Bay Sands; the Hotel Adlon;
  the Chateau Marmont; the Plaza Hotel; the Fairmont Banff Springs; the Hotel del Coronado; the Gellért Hotel
archaeological site | Pompeii; Stonehenge; Knossos; Petra; Teotihuacan; Chichen Itza; Troy; Persepolis;
  Göbekli Tepe; Skara Brae; Mohenjo-daro; Tikal; Çatalhöyük; Great Zimbabwe
observatory | the Royal Observatory Greenwich; Jodrell Bank Observatory; the Arecibo Observatory; Palomar Observatory;
  the Paranal Observatory; the La Silla Observatory; Griffith Observatory; Mount Wilson Observatory;
  Lowell Observatory; Yerkes Observatory; Kitt Peak National Observatory; the Atacama Large Millimeter Array
cave | Mammoth Cave; the Waitomo Caves; Son Đoòng Cave; Carlsbad Caverns; Postojna Cave; the Eisriesenwelt;
  the Reed Flute Cave; the Blue Grotto; Fingal's Cave; the Jenolan Caves; the Škocjan Caves; the Cave of the Crystals
beach | Bondi Beach; Copacabana Beach; Waikiki Beach; Ipanema Beach; Cable Beach; Whitehaven Beach;
  Anse Source d'Argent; Venice Beach; Brighton Beach; Juhu Beach; Grace Bay Beach; Praia da Marinha; Playa de la Concha
dam | Hoover Dam; Three Gorges Dam; Itaipu Dam; Aswan High Dam; Grand Coulee Dam; Kariba Dam;
  Grand Ethiopian Renaissance Dam; Hirakud Dam; Tarbela Dam; Gordon Dam; Contra Dam; Belo Monte Dam
lighthouse | Eddystone Lighthouse; Bell Rock Lighthouse; Cape Hatteras Lighthouse; Fastnet Lighthouse; Hook Lighthouse;
  Split Point Lighthouse; Portland Head Light; Lindau Lighthouse; Lighthouse of Alexandria; Point Reyes Lighthouse;
  Kõpu Lighthouse; Créac'h Lighthouse
prison | Alcatraz; Eastern State Penitentiary; Fremantle Prison; Hoa Lò Prison; Kilmainham Gaol; Devil's Island;
  Robben Island; the Old Melbourne Gaol; Crumlin Road Gaol; Karosta Prison; the Old Idaho Penitentiary; Patarei Prison
monument | the Lincoln Memorial; the Arc de Triomphe; the Washington Monument; India Gate; the Gateway of India;
  the Vietnam Veterans Memorial; the Memorial to the Murdered Jews of Europe; the Victor Emmanuel II Monument;
  Nelson's Column; Wellington Arch; the Monument to the People's Heroes; the Cenotaph
botanical garden | Kew Gardens; the Singapore Botanic Gardens; Kirstenbosch National Botanical Garden;
  the Jardin des Plantes; the New York Botanical Garden; Keukenhof; the Butchart Gardens; the Eden Project;
  the Royal Botanic Garden Edinburgh; the Montreal Botanical Garden; the Orto Botanico di Padova;
  the Brooklyn Botanic Garden
cemetery | Père Lachaise Cemetery; Arlington National Cemetery; Highgate Cemetery; Recoleta Cemetery;
  Novodevichy Cemetery; Glasnevin Cemetery; the Vienna Central Cemetery; Hollywood Forever Cemetery;
  Lychakiv Cemetery; Green-Wood Cemetery; Okunoin Cemetery; Montparnasse Cemetery
ski resort | Whistler Blackcomb; Aspen Snowmass; Courchevel; Val d'Isère; Niseko; Vail; Kitzbühel; Verbier;
  Cortina d'Ampezzo; Jackson Hole; St. Moritz; Chamonix; Zakopane
mountain pass | the Khyber Pass; the Brenner Pass; the Stelvio Pass; the Great St Bernard Pass; the Gotthard Pass;
  the Simplon Pass; Khardung La; the Bolan Pass; Nathu La; the Furka Pass; Thorong La; the Grimsel Pass
highway | Route 66; the Pan-American Highway; the Great Ocean Road; the Trans-Canada Highway;
  the Karakoram Highway; the Stuart Highway; Ruta 40; the Blue Ridge Parkway; the Going-to-the-Sun Road;
  the Transfăgărășan; Interstate 95; the M25
# --- creative works ---------------------------------------------------------
novel | Middlemarch; Crime and Punishment; Brave New World; Wuthering Heights; The Grapes of Wrath;
  The Brothers Karamazov; Midnight's Children; The Tale of Genji; Dream of the Red Chamber;
  Pedro Páramo; The Trial; The Handmaid's Tale; Invisible Man; The Leopard; Great Expectations;
  Catch-22; Their Eyes Were Watching God; Season of Migration to the North
book | A Brief History of Time; On the Origin of Species; Sapiens; Silent Spring; The Wealth of Nations;
  The Art of War; The Selfish Gene; Thinking, Fast and Slow; The Diary of a Young Girl; The Second Sex;
  Guns, Germs, and Steel; The Prince; Das Kapital; Freakonomics
poem | The Waste Land; Ozymandias; The Road Not Taken; Howl; Ode to a Nightingale; Still I Rise; Invictus;
  The Tyger; Kubla Khan; The Second Coming; Stopping by Woods on a Snowy Evening; Sonnet 18;
  The Love Song of J. Alfred Prufrock; Daddy
play | A Doll's House; Waiting for Godot; Death of a Salesman; The Cherry Orchard; A Streetcar Named Desire;
  The Importance of Being Earnest; Long Day's Journey into Night; The Crucible; Our Town; A Raisin in the Sun;
  Mother Courage and Her Children; Look Back in Anger; Top Girls; Fences; Much Ado About Nothing
short story | The Tell-Tale Heart; The Lottery; The Metamorphosis; The Gift of the Magi; The Necklace; The Yellow
  Wallpaper; A Good Man Is Hard to Find; The Overcoat; Story of Your Life; The Ones Who Walk Away from Omelas; The
  Monkey's Paw; The Garden of Forking Paths
film | Citizen Kane; Seven Samurai; Spirited Away; Parasite; Bicycle Thieves; Pather Panchali; Tokyo Story;
  The Godfather; City of God; In the Mood for Love; La Haine; The Seventh Seal; Metropolis; Psycho; Vertigo;
  Casablanca; Amélie
tv show | The Sopranos; Twin Peaks; Mad Men; The West Wing; Squid Game; Money Heist; Borgen; Line of Duty;
  The Wire; Breaking Bad; Succession; Stranger Things; The Crown; Doctor Who
album | Thriller; Abbey Road; Kind of Blue; Rumours; OK Computer; The Dark Side of the Moon; Pet Sounds; Nevermind;
  Back to Black; Songs in the Key of Life; London Calling; A Love Supreme; Blonde on Blonde; Lemonade;
  Random Access Memories
song | Imagine; Like a Rolling Stone; Hey Jude; Smells Like Teen Spirit; Respect; Hotel California; Wonderwall;
  Stairway to Heaven; Hallelujah; Superstition; What's Going On; Born to Run; Dancing Queen; Shape of You; Rolling in
  the Deep; Despacito; La Vie en rose; Redemption Song
musical | Cats; Wicked; Les Misérables; West Side Story; Cabaret; Evita; Miss Saigon; Dear Evan Hansen;
  The Book of Mormon; A Chorus Line; Jesus Christ Superstar; Hairspray; Kinky Boots; Come From Away
symphony | the Eroica Symphony; the New World Symphony; Symphonie fantastique; the Pathétique Symphony;
  the Jupiter Symphony; the Unfinished Symphony; the Resurrection Symphony; the Leningrad Symphony;
  the Pastoral Symphony; the Surprise Symphony; the Haffner Symphony; the Choral Symphony; the Titan Symphony
sculpture | David; The Thinker; the Pietà; the Winged Victory of Samothrace; the Bust of Nefertiti; the Discobolus;
  Manneken Pis; Cloud Gate; The Burghers of Calais; Balloon Dog; Maman; the Angel of the North;
  The Gates of Hell; Spiral Jetty; Fearless Girl; Charging Bull
photograph | Migrant Mother; Afghan Girl; The Falling Soldier; Tank Man; Lunch atop a Skyscraper;
  Raising the Flag on Iwo Jima; Earthrise; The Blue Marble; the Pale Blue Dot; V-J Day in Times Square;
  The Terror of War; Guerrillero Heroico; The Steerage
comic book | Watchmen; Maus; The Sandman; The Dark Knight Returns; Fun Home; Saga; Blankets; Ghost World; Sin City;
  Transmetropolitan; Black Hole; From Hell; Y: The Last Man
manga | One Piece; Dragon Ball; Death Note; Fullmetal Alchemist; Slam Dunk; Ghost in the Shell; Vagabond; Berserk;
  Akira; Monster; Chainsaw Man; Mushishi
podcast | Serial; This American Life; The Joe Rogan Experience; Radiolab; The Daily; Freakonomics Radio;
  Stuff You Should Know; Hardcore History; 99% Invisible; Welcome to Night Vale; Planet Money; Reply All
website | Wikipedia; Stack Overflow; IMDb; Craigslist; Tripadvisor; Quora; Rotten Tomatoes; Goodreads; Reddit;
  Hacker News; the Internet Archive; Etsy
social media platform | Facebook; Instagram; TikTok; LinkedIn; Snapchat; Weibo; Mastodon; Tumblr; Myspace; Pinterest;
  WhatsApp; Telegram; Bluesky
search engine | Google Search; Bing; DuckDuckGo; Baidu; Yandex; AltaVista; Ask Jeeves; Ecosia; Naver; Lycos;
  Startpage; Yahoo Search
speech | I Have a Dream; We Shall Fight on the Beaches; Tryst with Destiny; Ich bin ein Berliner; Four Freedoms;
  Cross of Gold; I Am Prepared to Die; Quit India; Blood, Toil, Tears and Sweat; Checkers; Wind of Change;
  Ballot or the Bullet
national anthem | La Marseillaise; The Star-Spangled Banner; God Save the King; Kimigayo; Nkosi Sikelel' iAfrika;
  Advance Australia Fair; O Canada; Jana Gana Mana; Il Canto degli Italiani; Hatikvah; March of the Volunteers;
  Das Lied der Deutschen
art movement | Impressionism; Cubism; Surrealism; Dada; Expressionism; Pop Art; Art Nouveau; Futurism; Fauvism;
  Pointillism; Abstract Expressionism; Constructivism
architectural style | Gothic architecture; Brutalism; Art Deco; Romanesque architecture; Neoclassical architecture;
  Palladian architecture; Victorian architecture; Deconstructivism; Beaux-Arts architecture; Tudor architecture;
  Mughal architecture; Georgian architecture
literary genre | science fiction; magical realism; detective fiction; historical fiction; dystopian fiction;
  horror fiction; crime fiction; Gothic fiction; cyberpunk; young adult fiction; travel writing; autofiction
film genre | film noir; neo-noir; romantic comedy; screwball comedy; mockumentary; found footage horror; body horror;
  slapstick; Italian neorealism; cinéma vérité; kitchen sink realism; the French New Wave
music genre | blues; reggae; techno; punk rock; hip hop; heavy metal; K-pop; grunge; bossa nova; bluegrass; disco;
  gospel; country music; Afrobeat; drum and bass; ska; soul music
poetic form | haiku; sonnet; limerick; villanelle; ghazal; sestina; tanka; pantoum; rondeau; triolet; cinquain
# --- science and medicine ---------------------------------------------------
disease | malaria; tuberculosis; measles; cholera; influenza; type 2 diabetes; Lyme disease; dengue fever; Alzheimer's
  disease; Parkinson's disease; multiple sclerosis; hepatitis B; asthma; leprosy; typhoid fever; rabies; chickenpox
drug | penicillin; metformin; ibuprofen; paracetamol; amoxicillin; warfarin; atorvastatin; morphine; aspirin;
  omeprazole; sertraline; levothyroxine; prednisone; salbutamol; diazepam
protein | hemoglobin; collagen; keratin; actin; myosin; ferritin; albumin; titin; elastin; fibrinogen; rhodopsin;
  tubulin; myoglobin
gene | BRCA1; BRCA2; TP53; CFTR; APOE; HTT; FOXP2; KRAS; EGFR; SRY; MTHFR; HBB; MYC
enzyme | lysozyme; pepsin; trypsin; lipase; DNA polymerase; RNA polymerase; catalase; reverse transcriptase;
  helicase; ATP synthase; RuBisCO; telomerase
hormone | adrenaline; cortisol; testosterone; melatonin; oxytocin; thyroxine; glucagon; leptin; ghrelin; progesterone;
  vasopressin; prolactin
neurotransmitter | dopamine; serotonin; acetylcholine; GABA; glutamate; norepinephrine; glycine; histamine;
  anandamide; aspartate; neuropeptide Y
vitamin | vitamin A; vitamin B12; vitamin C; vitamin D; vitamin E; vitamin K; folic acid; thiamine; riboflavin;
  niacin; biotin
vaccine | the MMR vaccine; the BCG vaccine; the HPV vaccine; Comirnaty; Spikevax; CoronaVac; Covaxin; Shingrix;
  Gardasil; Dengvaxia; the Oxford–AstraZeneca vaccine; the rotavirus vaccine
virus | HIV; SARS-CoV-2; the Zika virus; the Ebola virus; the rabies virus; the hepatitis B virus;
  the herpes simplex virus; human papillomavirus; rotavirus; norovirus; the dengue virus; the West Nile virus;
  the Epstein–Barr virus; rhinovirus
bacterium | Escherichia coli; Staphylococcus aureus; Streptococcus pneumoniae; Mycobacterium tuberculosis; Salmonella
  enterica; Vibrio cholerae; Helicobacter pylori; Clostridium botulinum; Bacillus anthracis; Yersinia pestis; Listeria
  monocytogenes; Pseudomonas aeruginosa; Borrelia burgdorferi; Neisseria meningitidis
fungus | Penicillium chrysogenum; Saccharomyces cerevisiae; Candida albicans; Aspergillus niger; Amanita muscaria;
  Amanita phalloides; Cordyceps militaris; Cantharellus cibarius; Boletus edulis; Lentinula edodes;
  Pleurotus ostreatus; Morchella esculenta; Tuber melanosporum
parasite | Plasmodium falciparum; Toxoplasma gondii; Giardia lamblia; Trypanosoma brucei; Schistosoma mansoni;
  Leishmania donovani; Ascaris lumbricoides; Trichomonas vaginalis; Necator americanus; Cryptosporidium parvum;
  Wuchereria bancrofti; Taenia solium
cell type | neurons; T cells; B cells; stem cells; platelets; macrophages; osteoblasts; hepatocytes; fibroblasts;
  adipocytes; dendritic cells; oocytes; cardiomyocytes
organ | liver; kidneys; spleen; gallbladder; thyroid gland; appendix; bladder; adrenal glands; pituitary gland; small
  intestine; large intestine
bone | femur; tibia; fibula; humerus; ulna; scapula; clavicle; sternum; patella; mandible; pelvis; stapes; coccyx;
  sacrum
muscle | biceps; triceps; quadriceps; hamstrings; deltoid; gluteus maximus; diaphragm; trapezius; latissimus dorsi;
  gastrocnemius; pectoralis major; masseter; soleus
brain region | the hippocampus; the amygdala; the cerebellum; the prefrontal cortex; the hypothalamus; the thalamus;
  the medulla oblongata; the corpus callosum; the basal ganglia; the visual cortex; Broca's area; Wernicke's area
medical symptom | fever; headache; dizziness; nausea; fatigue; sore throat; shortness of breath; chest pain;
  back pain; blurred vision; night sweats; joint pain; dry cough; loss of appetite; numbness
medical procedure | keyhole surgery; dialysis; chemotherapy; radiotherapy; cataract surgery; bypass surgery;
  physiotherapy; angioplasty; colonoscopy; laser eye surgery; hip replacement surgery; knee replacement surgery;
  skin grafting; in vitro fertilisation
mental disorder | schizophrenia; bipolar disorder; obsessive-compulsive disorder; post-traumatic stress disorder;
  attention deficit hyperactivity disorder; anorexia nervosa; bulimia nervosa; borderline personality disorder;
  generalized anxiety disorder; panic disorder; agoraphobia; major depressive disorder
medical specialty | cardiology; oncology; neurology; dermatology; paediatrics; radiology; psychiatry; orthopaedics;
  gastroenterology; nephrology; ophthalmology; endocrinology; geriatrics
chemical element | copper; zinc; nickel; cobalt; lithium; tin; iron; aluminium; platinum; tungsten; mercury; sodium;
  potassium; calcium; helium; neon; argon; uranium; titanium; magnesium
chemical compound | sodium chloride; carbon dioxide; ammonia; methane; glucose; ethanol; sulfuric acid; benzene;
  hydrogen peroxide; calcium carbonate; sodium bicarbonate; acetone; nitrous oxide; formaldehyde
mineral | feldspar; mica; calcite; gypsum; halite; pyrite; magnetite; hematite; talc; galena; muscovite; biotite;
  kaolinite; chalcopyrite; sphalerite; apatite
rock type | basalt; marble; limestone; sandstone; slate; shale; gneiss; schist; chalk; flint; dolerite; travertine
alloy | bronze; steel; pewter; solder; stainless steel; sterling silver; duralumin; invar; nichrome; electrum;
  cupronickel; cast iron; Damascus steel
material | polyethylene; PVC; nylon; Kevlar; Teflon; polystyrene; graphene; carbon fibre; Gore-Tex; Bakelite;
  Plexiglas; Lycra; polycarbonate; fibreglass
subatomic particle | electron; proton; neutron; photon; neutrino; muon; Higgs boson; gluon; positron; pion;
  tau lepton; top quark
physical constant | speed of light; Planck constant; gravitational constant; Boltzmann constant; Avogadro constant;
  elementary charge; fine-structure constant; Hubble constant; Rydberg constant; Stefan–Boltzmann constant;
  Faraday constant; vacuum permittivity
mathematical constant | pi; Euler's number; the golden ratio; the Euler–Mascheroni constant; Apéry's constant;
  Catalan's constant; Khinchin's constant; the silver ratio; the Champernowne constant; the Feigenbaum constants; the
  plastic number
equation | the Schrödinger equation; Maxwell's equations; the Navier–Stokes equations; the Einstein field equations;
  the Dirac equation; the Black–Scholes equation; the Drake equation; the Euler–Lagrange equation;
  the heat equation; the wave equation; the Friedmann equations; Bernoulli's equation; the logistic equation
mathematical theorem | the Pythagorean theorem; Fermat's Last Theorem; Gödel's incompleteness theorems;
  the central limit theorem; the fundamental theorem of calculus; the four color theorem; Bayes' theorem;
  Noether's theorem; the Brouwer fixed-point theorem; the prime number theorem;
  the fundamental theorem of arithmetic; Stokes' theorem; Green's theorem
scientific theory | general relativity; special relativity; evolution by natural selection; plate tectonics;
  the germ theory of disease; string theory; heliocentrism; cell theory; atomic theory;
  the kinetic theory of gases; continental drift; quantum electrodynamics
scientific law | Boyle's law; Ohm's law; Hooke's law; Coulomb's law; Kepler's laws of planetary motion; Hubble's law;
  Avogadro's law; Snell's law; Faraday's law of induction; Pascal's law; Charles's law;
  Newton's law of universal gravitation; Archimedes' principle
scientific experiment | Milgram experiment; double-slit experiment; Michelson–Morley experiment; Miller–Urey experiment;
  Stanford prison experiment; Hershey–Chase experiment; oil drop experiment; Geiger–Marsden experiment;
  Cavendish experiment; Meselson–Stahl experiment; Stanford marshmallow experiment; Asch conformity experiments
unit of measurement | kilogram; metre; ampere; joule; watt; hertz; volt; ohm; hectare; litre; decibel; calorie;
  light-year; nautical mile; parsec; kilowatt-hour; kelvin; candela
academic discipline | physics; chemistry; biology; astronomy; linguistics; economics; sociology; anthropology;
  psychology; philosophy; geology; computer science; neuroscience; mathematics; archaeology
geological period | Cambrian; Ordovician; Silurian; Devonian; Carboniferous; Permian; Triassic; Jurassic;
  Cretaceous; Paleogene; Neogene; Quaternary
planet | Mercury; Venus; Mars; Jupiter; Saturn; Uranus; Neptune; Kepler-22b; TRAPPIST-1e; Kepler-452b; 51 Pegasi b;
  HD 209458 b
moon | Europa; Titan; Ganymede; Io; Callisto; Enceladus; Triton; Phobos; Deimos; Charon; Oberon; Titania; Miranda
star | Sirius; Betelgeuse; Polaris; Vega; Rigel; Proxima Centauri; Alpha Centauri; Aldebaran; Arcturus; Antares;
  Canopus; Deneb; Altair; Spica
galaxy | the Milky Way; the Large Magellanic Cloud; the Small Magellanic Cloud; the Whirlpool Galaxy;
  the Sombrero Galaxy; Messier 87; the Pinwheel Galaxy; the Cartwheel Galaxy; the Black Eye Galaxy;
  the Cigar Galaxy; the Tadpole Galaxy; the Antennae Galaxies
comet | Halley's Comet; Comet Hale–Bopp; Comet Shoemaker–Levy 9; Comet NEOWISE; Comet Hyakutake; Comet McNaught;
  Comet Swift–Tuttle; Comet Encke; Comet Tempel 1; Comet Lovejoy; Comet ISON; Comet Wild 2
asteroid | Vesta; Pallas; Bennu; Ryugu; Apophis; Eros; Itokawa; Hygiea; Didymos; Dimorphos; Lutetia; Gaspra; Mathilde
biome | tundra; taiga; savanna; tropical rainforest; temperate rainforest; mangrove swamp; chaparral; steppe;
  prairie; kelp forest; coral reef; peat bog
cloud type | cumulus; cirrus; stratus; cumulonimbus; altostratus; nimbostratus; cirrocumulus; stratocumulus;
  altocumulus; cirrostratus; mammatus
ocean current | Gulf Stream; Humboldt Current; Kuroshio Current; Agulhas Current; Antarctic Circumpolar Current;
  California Current; Labrador Current; Benguela Current; Canary Current; East Australian Current; Brazil Current;
  Somali Current; North Atlantic Drift
wind | mistral; sirocco; chinook; foehn; bora; harmattan; khamsin; tramontane; levanter; zonda; pampero; williwaw
# --- technology ------------------------------------------------------------
programming language | Python; Java; JavaScript; Rust; Haskell; Kotlin; Swift; Ruby; C++; Fortran; COBOL;
  Julia; Scala; Erlang; Lua; Prolog; TypeScript; Perl; OCaml
software | Microsoft Excel; Adobe Photoshop; Blender; LibreOffice; Git; Docker; Kubernetes; Visual Studio Code;
  AutoCAD; Slack; Zoom; Audacity; VLC media player; Figma; Notion; Tableau
operating system | macOS; Windows XP; Windows 95; Debian; Fedora; FreeBSD; Solaris; MS-DOS; ChromeOS; HarmonyOS;
  Arch Linux; Red Hat Enterprise Linux; OpenBSD; Symbian
web browser | Safari; Microsoft Edge; Brave; Internet Explorer; Netscape Navigator; Tor Browser; Chromium; Mosaic;
  Konqueror; Yandex Browser; UC Browser; Pale Moon; SeaMonkey
mobile phone | Nokia 3310; iPhone 4; BlackBerry Bold; Motorola Razr; Google Pixel 8; Samsung Galaxy Note 7;
  OnePlus 12; Xiaomi 14; Sony Xperia 1; HTC Dream; iPhone 3G; Nokia N95; Huawei P60
computer | Apple II; Commodore 64; IBM PC; ZX Spectrum; Macintosh 128K; BBC Micro; Altair 8800; Amiga 500; Atari ST;
  TRS-80; Acorn Archimedes; Amstrad CPC 464; NeXTcube
microprocessor | Intel 4004; Pentium; Apple M1; Zilog Z80; MOS 6502; Motorola 68000; Intel 8086;
  AMD Ryzen 9 7950X; ARM Cortex-A53; Snapdragon 8 Gen 3; IBM POWER9; Intel Core i7
algorithm | quicksort; merge sort; binary search; Dijkstra's algorithm; PageRank; RSA; backpropagation;
  gradient descent; the fast Fourier transform; k-means clustering; the Viterbi algorithm; bubble sort;
  Huffman coding; Kruskal's algorithm; the Monte Carlo method
file format | PDF; JPEG; PNG; MP3; CSV; JSON; XML; GIF; ZIP; WAV; EPUB; SVG; FLAC; TIFF; DOCX
network protocol | HTTP; HTTPS; TCP; UDP; SMTP; FTP; SSH; DNS; TLS; IMAP; BitTorrent; MQTT; DHCP; BGP
machine learning model | GPT-4; BERT; AlphaFold; AlphaGo; DALL-E 2; Stable Diffusion; Llama 2; ResNet; Word2vec;
  Whisper; AlexNet; T5; CLIP
software framework | React; TensorFlow; Angular; Ruby on Rails; Node.js; jQuery; NumPy; Vue.js; Flask; Laravel;
  scikit-learn; Express.js; Spring Boot
database | MongoDB; Redis; Apache Cassandra; Neo4j; MariaDB; Elasticsearch; DynamoDB; CouchDB; Microsoft SQL Server;
  InfluxDB; ClickHouse; DuckDB
cloud computing platform | Amazon Web Services; Microsoft Azure; Google Cloud Platform; IBM Cloud; Oracle Cloud;
  DigitalOcean; Heroku; Alibaba Cloud; Linode; OVHcloud; Vercel; Netlify
camera | Leica M3; Canon EOS 5D; Nikon F; Polaroid SX-70; Hasselblad 500C; Sony Alpha 7; Fujifilm X100; GoPro Hero;
  Olympus OM-1; Pentax K1000; Rolleiflex; Kodak Instamatic
robot | ASIMO; Roomba; Sophia; Shakey; Unimate; Kismet; Ameca; AIBO; Nao; Baxter; Pepper; PR2
product | Kindle; Instant Pot; Apple Watch; Sony Walkman; iPod; Thermomix; Segway; Fitbit Charge; Dyson Airwrap;
  Nespresso Vertuo; Polaroid Now; Bose QuietComfort
vehicle model | Ford Model T; Fiat 500; Mini Cooper; Toyota Corolla; Tesla Model 3; Porsche 911; Land Rover Defender;
  Citroën 2CV; Jeep Wrangler; Lada Niva; Honda Civic; Renault Clio; Volvo 240; Volkswagen Golf
aircraft | Concorde; Boeing 747; Supermarine Spitfire; Airbus A320; Cessna 172; Douglas DC-3; Boeing B-17 Flying
  Fortress; Messerschmitt Bf 109; Embraer E190; Airbus A350; Boeing 777; Piper Cub; Sopwith Camel
train | Orient Express; TGV; Eurostar; Flying Scotsman; Glacier Express; Rocky Mountaineer; Indian Pacific; Ghan;
  Blue Train; Acela; Bernina Express; Shinkansen; Frecciarossa
weapon | AK-47; M16 rifle; Gatling gun; Maxim gun; Lee–Enfield rifle; Uzi; Thompson submachine gun;
  Winchester Model 1873; Glock 17; Colt M1911; Mauser C96; Brown Bess; Bren gun
# --- food and drink ----------------------------------------------------------
food | moussaka; ceviche; jollof rice; feijoada; bibimbap; tagine; risotto; schnitzel; fish and chips; nasi goreng;
  Peking duck; haggis; enchiladas; dal; jambalaya; tempura; okonomiyaki; paella; shakshuka; chicken tikka masala;
  biryani; falafel
fruit | apples; bananas; mangoes; pineapples; cherries; pears; plums; peaches; lychees; papayas; pomegranates;
  apricots; figs; blueberries; strawberries; watermelons; lemons; durians; guavas
vegetable | carrots; potatoes; onions; broccoli; spinach; cauliflower; cabbage; leeks; aubergines; courgettes;
  beetroot; kale; parsnips; asparagus; artichokes; cucumbers; sweet potatoes; Brussels sprouts
spice | cinnamon; cumin; turmeric; nutmeg; cardamom; cloves; ginger; star anise; black pepper; vanilla; sumac;
  allspice; fenugreek; coriander seeds
herb | basil; oregano; thyme; rosemary; parsley; mint; sage; coriander; dill; chives; tarragon; lemongrass; marjoram;
  bay leaves
nut | almonds; walnuts; cashews; pistachios; hazelnuts; pecans; macadamia nuts; Brazil nuts; peanuts; pine nuts;
  hickory nuts
grain | wheat; barley; oats; rye; millet; sorghum; maize; quinoa; buckwheat; spelt; teff
bread | baguettes; sourdough; ciabatta; focaccia; pita; naan; brioche; pumpernickel; challah; bagels; chapatis;
  tortillas; soda bread; pretzels; rye bread
dessert | tiramisu; crème brûlée; baklava; cheesecake; apple pie; panna cotta; gelato; churros; mochi; pavlova;
  profiteroles; tarte Tatin; gulab jamun; Sachertorte; brownies; kheer
soup | gazpacho; minestrone; clam chowder; miso soup; bouillabaisse; tom yum; gumbo; French onion soup;
  mulligatawny; avgolemono; laksa; harira; ribollita; cullen skink
sauce | pesto; béchamel; hollandaise; soy sauce; ketchup; mayonnaise; sriracha; teriyaki sauce;
  Worcestershire sauce; chimichurri; harissa; aioli; béarnaise; tzatziki
sandwich | Reuben sandwich; BLT; club sandwich; banh mi; croque monsieur; Cuban sandwich; po' boy;
  Philly cheesesteak; muffuletta; sabich; chip butty; katsu sando; bocadillo
dumpling | gyoza; momo; xiaolongbao; mandu; manti; pelmeni; wontons; har gow; khinkali; jiaozi; siu mai; vareniki
cooking technique | sous vide; braising; stir-frying; poaching; flambéing; blanching; fermentation; sautéing;
  pickling; caramelisation; deep-frying; slow roasting
soft drink | Coca-Cola; Pepsi; Fanta; Sprite; Dr Pepper; Irn-Bru; Mountain Dew; Inca Kola; Guaraná Antarctica;
  Club-Mate; Orangina; Ting
tea | Earl Grey; Darjeeling; matcha; oolong; sencha; masala chai; rooibos; pu-erh; Lapsang souchong; jasmine tea;
  genmaicha; Assam tea; gyokuro; chamomile tea
coffee drink | espresso; cappuccino; latte; macchiato; flat white; mocha; cortado; ristretto; lungo; Turkish coffee;
  cold brew; café au lait
wine | Chianti; Rioja; Barolo; Prosecco; Sauternes; Beaujolais; Chablis; Tokaji; Sancerre; Cava; Lambrusco; Retsina;
  Champagne; Vinho Verde
grape variety | Merlot; Chardonnay; Pinot Noir; Cabernet Sauvignon; Riesling; Sauvignon Blanc; Syrah; Tempranillo;
  Malbec; Grüner Veltliner; Nebbiolo; Zinfandel; Gewürztraminer; Sangiovese
beer | Guinness; Heineken; Budweiser; Stella Artois; Carlsberg; Pilsner Urquell; Asahi Super Dry; Tsingtao; Peroni;
  Duvel; Chimay; Kirin; Leffe
whisky | Glenfiddich; Jameson; Jack Daniel's; Lagavulin; Laphroaig; Yamazaki; Maker's Mark; Talisker; Bushmills;
  Ardbeg; Hibiki; Chivas Regal
distilled spirit | vodka; gin; rum; tequila; brandy; mezcal; baijiu; grappa; absinthe; ouzo; cachaça; soju; schnapps;
  arak
# --- nature ----------------------------------------------------------------
animal species | cheetah; polar bear; hippopotamus; giraffe; chimpanzee; mountain gorilla; red panda; platypus;
  kangaroo; wombat; narwhal; sea otter; okapi; aardvark; humpback whale; walrus; meerkat; snow leopard; giant panda;
  koala
insect | ladybird; dragonfly; praying mantis; housefly; desert locust; termite; firefly; stag beetle; cicada;
  leafcutter ant; bumblebee; silkworm; cockroach; honey bee
fish | Atlantic salmon; bluefin tuna; clownfish; seahorse; piranha; goldfish; Atlantic cod; swordfish; manta ray;
  pufferfish; anglerfish; sturgeon; zebrafish; electric eel; coelacanth
reptile | saltwater crocodile; green sea turtle; king cobra; black mamba; leatherback turtle; Gila monster;
  panther chameleon; green iguana; green anaconda; tuatara; gharial; boa constrictor; leopard gecko
amphibian | cane toad; poison dart frog; fire salamander; olm; Chinese giant salamander; common frog;
  American bullfrog; glass frog; hellbender; natterjack toad; Goliath frog; great crested newt
tree | baobab; giant sequoia; Douglas fir; silver birch; cedar of Lebanon; olive tree; weeping willow; Scots pine;
  ginkgo; banyan; monkey puzzle tree; Japanese maple; coast redwood; English oak
flower | roses; tulips; orchids; sunflowers; daisies; lilies; dahlias; peonies; marigolds; daffodils; carnations;
  poppies; chrysanthemums; magnolias; hyacinths
houseplant | monstera; snake plant; pothos; fiddle-leaf fig; peace lily; spider plant; aloe vera; rubber plant;
  ZZ plant; Boston fern; philodendron; calathea
# --- society, history, culture ----------------------------------------------
event | the Boston Tea Party; the Cuban Missile Crisis; the Great Depression; the Industrial Revolution; Live Aid;
  Woodstock; the Watergate scandal; the Salem witch trials; the California Gold Rush; the Berlin Airlift;
  the Great Exhibition; the Partition of India; the Suez Crisis; the Brexit referendum
war | the Vietnam War; the Korean War; the Hundred Years' War; the Thirty Years' War; the Crimean War;
  the American Civil War; the Napoleonic Wars; the Peloponnesian War; the Gulf War; the Falklands War;
  the Second Boer War; the Spanish Civil War; the Seven Years' War; the Wars of the Roses
battle | the Battle of Waterloo; the Battle of Hastings; the Battle of Gettysburg; the Battle of Stalingrad;
  the Battle of Thermopylae; the Battle of the Somme; the Battle of Britain; the Battle of Verdun;
  the Battle of Agincourt; the Battle of Austerlitz; the Battle of Kursk; the Battle of Tours; the Battle of Adwa
military operation | Operation Overlord; Operation Barbarossa; Operation Desert Storm; Operation Market Garden;
  Operation Torch; Operation Neptune; Operation Paperclip; Operation Mincemeat; Operation Dragoon; Operation Dynamo;
  Operation Anthropoid; Operation Chastise
military unit | the French Foreign Legion; the Special Air Service; the Swiss Guard; the Royal Marines; the Buffalo
  Soldiers; the 101st Airborne Division; the Scots Guards; the Green Berets; the Tuskegee Airmen; the Gurkhas; the
  Coldstream Guards; the Black Watch
military decoration | the Victoria Cross; the Medal of Honor; the Iron Cross; the Légion d'honneur; the George Cross;
  the Purple Heart; the Order of Lenin; the Param Vir Chakra; the Distinguished Flying Cross; the Croix de Guerre;
  the Order of the Garter; the Presidential Medal of Freedom
empire | the Roman Empire; the Ottoman Empire; the Mongol Empire; the British Empire; the Aztec Empire; the Inca
  Empire; the Mughal Empire; the Holy Roman Empire; the Achaemenid Empire; the Russian Empire; the Mali Empire; the
  Austro-Hungarian Empire
dynasty | the Ming dynasty; the Tang dynasty; the Han dynasty; the Qing dynasty; the Song dynasty; the Yuan dynasty;
  the Ptolemaic dynasty; the Joseon dynasty; the Tudor dynasty; the Habsburg dynasty; the Capetian dynasty
historical period | the Bronze Age; the Iron Age; the Middle Ages; the Stone Age; the Age of Enlightenment;
  the Victorian era; the Edo period; the Belle Époque; the Meiji era; the Heian period; the Gilded Age;
  the Age of Discovery
revolution | the American Revolution; the Haitian Revolution; the Glorious Revolution; the Mexican Revolution;
  the Iranian Revolution; the Cuban Revolution; the Xinhai Revolution; the Velvet Revolution;
  the Carnation Revolution; the Orange Revolution; the Hungarian Revolution of 1956; the Revolutions of 1848
election | the 1994 South African general election; the 2008 United States presidential election;
  the 2016 United States presidential election; the 1997 United Kingdom general election;
  the 2019 Indian general election; the 2021 German federal election; the 2022 Brazilian general election;
  the 2018 Mexican general election; the 2015 Canadian federal election; the 2019 Ukrainian presidential election;
  the 2020 New Zealand general election; the 2017 French presidential election
social movement | the civil rights movement; the Arab Spring; Black Lives Matter; the MeToo movement;
  Fridays for Future; the anti-apartheid movement; Occupy Wall Street; the Chipko movement; the Umbrella Movement;
  the women's suffrage movement; the Yellow Vests movement; the Green Belt Movement
government policy | the New Deal; the Marshall Plan; the Great Leap Forward; perestroika; Abenomics;
  the Common Agricultural Policy; the Belt and Road Initiative; Reaganomics; the Green New Deal;
  the one-child policy; glasnost; the Hukou system
famine | the Great Irish Famine; the Bengal famine of 1943; the Holodomor; the Great Chinese Famine;
  the Dutch famine of 1944–1945; the Great Famine of 1315–1317; the Ethiopian famine of 1983–1985;
  the Chalisa famine; the Finnish famine of 1866–1868; the Russian famine of 1921–1922; the North Korean famine;
  the Deccan famine of 1630–1632
epidemic | the Black Death; the COVID-19 pandemic; the Great Plague of London; the Plague of Justinian;
  the Antonine Plague; the 1957 Asian flu; the 2009 swine flu pandemic; the Third Plague Pandemic;
  the West African Ebola epidemic; the Hong Kong flu; the Great Plague of Marseille;
  the 1854 Broad Street cholera outbreak
earthquake | the 1906 San Francisco earthquake; the 2011 Tōhoku earthquake; the 1755 Lisbon earthquake;
  the 2010 Haiti earthquake; the 1960 Valdivia earthquake; the Great Kantō earthquake; the 1964 Alaska earthquake;
  the 2015 Nepal earthquake; the 1995 Kobe earthquake; the 1989 Loma Prieta earthquake;
  the 1999 İzmit earthquake; the 2008 Sichuan earthquake
industrial disaster | the Bhopal disaster; the Fukushima nuclear disaster; the Deepwater Horizon oil spill;
  the Exxon Valdez oil spill; the Three Mile Island accident; the Seveso disaster; the Piper Alpha disaster;
  the Aberfan disaster; the Lac-Mégantic rail disaster; the Texas City disaster; the Halifax Explosion;
  the Banqiao Dam failure
conference | the Yalta Conference; the Potsdam Conference; the Congress of Vienna; the Bretton Woods Conference;
  the Bandung Conference; the Wannsee Conference; the Tehran Conference; the Berlin Conference;
  the Council of Trent; the First Council of Nicaea; the Solvay Conference; the Dartmouth workshop
festival | Oktoberfest; the Rio Carnival; the Edinburgh Festival Fringe; the Notting Hill Carnival; the Venice
  Carnival; La Tomatina; Up Helly Aa; Burning Man; Inti Raymi; the Harbin Ice and Snow Festival; the Sapporo Snow
  Festival; Gion Matsuri; the Carnival of Binche
film festival | Sundance Film Festival; Venice Film Festival; Berlin International Film Festival;
  Toronto International Film Festival; Tribeca Film Festival; Locarno Film Festival;
  Busan International Film Festival; San Sebastián International Film Festival;
  Karlovy Vary International Film Festival; International Film Festival Rotterdam; Telluride Film Festival;
  Sydney Film Festival
holiday | Christmas; Easter; Diwali; Eid al-Fitr; Hanukkah; Thanksgiving; Lunar New Year; Passover; Halloween;
  Holi; Nowruz; Yom Kippur; Vesak; Songkran; Bastille Day; Midsummer
sports competition | the Ryder Cup; the Stanley Cup; the Davis Cup; the Six Nations Championship; the Giro d'Italia;
  the Ashes; the Copa América; the Africa Cup of Nations; the Masters Tournament; the Kentucky Derby;
  the 24 Hours of Le Mans; the Monaco Grand Prix; the London Marathon; the Dakar Rally; the Cricket World Cup
award | the Prix Goncourt; the Tony Award for Best Musical; the BAFTA Award for Best Film; the Golden Lion;
  the Golden Bear; the Cervantes Prize; the Stirling Prize; the Wolf Prize in Mathematics; the Booker Prize;
  the Pulitzer Prize for Fiction; the Fields Medal; the Turing Award; the Nobel Prize in Literature;
  the Abel Prize; the Pritzker Prize
law | the Clean Air Act; the Civil Rights Act of 1964; the Freedom of Information Act; the Endangered Species Act;
  Magna Carta; the Human Rights Act 1998; the Sherman Antitrust Act; the Patriot Act; the Data Protection Act;
  the Equality Act 2010; the Digital Services Act; the Corn Laws; the Napoleonic Code; the Glass–Steagall Act
court case | Brown v. Board of Education; Roe v. Wade; Marbury v. Madison; Miranda v. Arizona; Obergefell v. Hodges;
  Plessy v. Ferguson; Donoghue v Stevenson; Gideon v. Wainwright; Loving v. Virginia; Bush v. Gore;
  Mabo v Queensland; Citizens United v. FEC
tax | value-added tax; income tax; capital gains tax; inheritance tax; carbon tax; Tobin tax; poll tax; stamp duty;
  corporation tax; sales tax; property tax; windfall tax; wealth tax
currency | euro; US dollar; Japanese yen; British pound; Swiss franc; Indian rupee; Chinese yuan; Mexican peso;
  Russian ruble; South Korean won; Australian dollar; Canadian dollar; Polish złoty; Hungarian forint;
  Czech koruna; Nigerian naira; Argentine peso; Swedish krona
language | English; Spanish; Mandarin Chinese; Hindi; Arabic; Portuguese; Bengali; Russian; Japanese; Swahili;
  Tagalog; Tamil; Urdu; Turkish; Polish; Greek; Korean; Finnish; Hungarian; Welsh; Basque; Icelandic; Amharic;
  Persian; Hebrew; Vietnamese; Thai; Quechua; German; Italian
writing system | the Latin alphabet; the Cyrillic script; the Arabic script; Devanagari; Hangul; kanji; hiragana;
  the Greek alphabet; the Hebrew alphabet; cuneiform; Egyptian hieroglyphs; Braille; Ogham; Tifinagh;
  the Ge'ez script
sign language | American Sign Language; British Sign Language; French Sign Language; Auslan; Japanese Sign Language;
  Nicaraguan Sign Language; Irish Sign Language; German Sign Language; Kenyan Sign Language;
  Brazilian Sign Language; Indo-Pakistani Sign Language; Chinese Sign Language
ethnic group | Maasai; Inuit; Kurds; Roma; Sámi; Tamils; Hmong; Ainu; Bedouin; Māori; Pashtuns; Zulu; Uyghurs;
  Igbo
religion | Christianity; Islam; Buddhism; Hinduism; Judaism; Sikhism; Jainism; Shinto; Taoism; Zoroastrianism;
  the Bahá'í Faith; Rastafari
religious text | Bible; Quran; Torah; Bhagavad Gita; Talmud; Guru Granth Sahib; Tao Te Ching; Analects;
  Upanishads; Vedas; Dhammapada; Avesta; Pali Canon
political ideology | socialism; liberalism; conservatism; communism; fascism; anarchism; libertarianism; feminism;
  environmentalism; nationalism; populism; Marxism
philosophical movement | stoicism; existentialism; utilitarianism; empiricism; rationalism; nihilism; pragmatism;
  Confucianism; phenomenology; Epicureanism; transcendentalism; logical positivism
sport | archery; rowing; triathlon; water polo; lacrosse; bobsleigh; biathlon; snooker; darts; netball;
  rock climbing; ski jumping; field hockey; softball; kabaddi; polo; badminton; volleyball; handball; curling
toy | Rubik's Cube; Slinky; Tamagotchi; Etch A Sketch; Furby; Play-Doh; Hot Wheels; View-Master; Lite-Brite;
  Spirograph; Meccano; Lego Duplo
color | crimson; ultramarine; ochre; magenta; vermilion; indigo; cerulean; teal; chartreuse; mauve; Prussian blue;
  burnt sienna; cobalt blue
knot | bowline; clove hitch; reef knot; figure-eight knot; sheet bend; granny knot; Windsor knot; half hitch;
  slip knot; trucker's hitch; taut-line hitch; sheepshank
fabric | denim; silk; linen; wool; velvet; tweed; cashmere; satin; corduroy; chiffon; muslin; flannel; gingham
garment | kimono; sari; kilt; hanbok; dirndl; qipao; dashiki; poncho; kaftan; áo dài; barong tagalog; dhoti;
  sarong
music festival | Coachella; Roskilde Festival; Tomorrowland; the Montreux Jazz Festival; Primavera Sound; Lollapalooza;
  Sziget Festival; Rock in Rio; Exit Festival; Bonnaroo; Pinkpop; Wacken Open Air; Download Festival; Sónar
# --- dates ------------------------------------------------------------------
date | 1998; 2003; 2007; 2011; 2014; 2016; 2019; 2021; 2023; March 2012; June 2018; October 2020; January 2022;
  May 2015; September 2009; April 2024; November 2017; the 1990s; the 2000s; the 2010s
date:on | 12 March 2015; 4 July 2019; 21 June 2022; 3 October 2010; 15 January 2018; 30 September 2021; 8 May 2016;
  27 November 2013; 1 August 2020; 19 April 2023; 6 February 2011; 11 December 2017
date:old | 1850; 1871; 1912; 1936; 1947; 1789; 1815; the 1920s; the 1880s; the eighteenth century;
  the nineteenth century; the 1960s
"""

# ---------------------------------------------------------------------------
# Sentence templates written for this project, one per line.
# ---------------------------------------------------------------------------
TEMPLATES_TEXT = r"""
# --- private persons, jobs, places ----------------------------------------------
{person} moved from {city} to {city#2} to work as a {job title}.
After qualifying as a {job title}, {person} spent three years working in {country}.
{person} studied {academic discipline} at {university} and later moved to {city}.
In {date}, {person} left {company} to start a small business in {city}.
{person}, a {job title} from {city}, speaks {language} at home and {language#2} at work.
{person} learned to play the {musical instrument} while growing up in {country}.
{person} was born in {city} on {date:on} and moved to {country} as a child.
{person} met an old friend from {city} at {railway station}.
{person} went to {school} before studying {academic discipline} at {university}.
{person} works as a {job title} at {hospital}.
The new {job title} at {company} previously worked for {company#2} in {city}.
{person} is on the waiting list for {medical procedure}.
{person} went to the doctor with {medical symptom} and {medical symptom#2}.
{person} bought a {product} in the sales and gave it to a friend in {city}.
{person} spent the summer on {island} with friends from {city}.
{person} always spends {holiday} with family in {city}.
{person} took up {sport} after moving to {city}.
# --- politicians, rulers, leaders --------------------------------------------------
A new biography of {politician} was translated into {language} in {date}.
Historians met in {city} to debate the legacy of {politician}.
A documentary about {politician} was shown on {tv channel} last night.
{politician} is quoted at length in a popular textbook about {political ideology}.
{politician} is often quoted in debates about {law}.
Letters signed by {monarch} are on display at the {museum} this spring.
Schoolchildren in {country} still learn about the reign of {monarch}.
A drama series about {monarch} was filmed at {castle} and {palace}.
A {tree} planted by {monarch} still stands in the palace garden.
A carved bust of {roman emperor} is on loan to the {museum} for the summer.
The historian argued that {roman emperor} was a more capable ruler than {roman emperor#2}.
Her thesis compares the building projects of {roman emperor} with those of {monarch}.
A letter written by {pope} was discovered in the archives of {library}.
The lecture compared the reforms of {pope} with those of {pope#2}.
Crowds in {city} gathered to watch a film about the life of {pope}.
The campaigns of {military leader} are still studied by officers in {country}.
A sword said to have belonged to {military leader} was sold at auction in {city}.
The exhibition on {military leader} at the {museum} closes at the end of the month.
Students in {city} marched with banners quoting {activist}.
A mural honouring {activist} was unveiled near {square} in {date}.
The speeches of {activist} have been translated into {language} and {language#2}.
# --- scientists and thinkers --------------------------------------------------------
The notebooks of {scientist} are now held by {library}.
{scientist} corresponded for years with colleagues in {city} and {city#2}.
A statue of {scientist} stands in the courtyard of {research institute}.
The lecture series on {scientific theory} opened with a talk about {physicist}.
A conference in {city} marked the anniversary of the birth of {physicist}.
The popular science book explains how {physicist} thought about the {subatomic particle}.
A new exhibition at the {museum} tells the story of {chemist}.
{chemist} would have been fascinated by modern research on {chemical compound}, the speaker said.
The laboratory building at {university} is named after {chemist}.
{biologist} would have loved the new research on the {insect}, the lecturer joked.
A documentary about {biologist} was filmed partly in {national park}.
The field guide is dedicated to {biologist} and to the rangers of {national park}.
Visitors to {observatory} can see a telescope once used by {astronomer}.
A biography of {astronomer} explains why {star} fascinated early observers.
The planetarium show about {astronomer} ends with a view of {galaxy}.
The seminar on {mathematical theorem} began with a short history of {mathematician}.
A new biography of {mathematician} has become a surprise bestseller in {country}.
The popular book on {mathematical constant} has a whole chapter on {mathematician}.
The keynote at the conference in {city} was a tribute to {computer scientist}.
The reading list on {algorithm} includes papers by {computer scientist}.
A lecture theatre at {university} is named after {computer scientist}.
The debate on {tax} cited {economist} more than any other thinker.
Students in {city} read {economist} alongside {philosopher}.
{economist} is the subject of a new documentary on {tv channel}.
The reading group meets every week in {city} to discuss {philosopher}.
The essay compares {philosopher} with {philosopher#2} on the question of free will.
A bust of {philosopher} stands in the library of {university}.
The introductory course covers {psychologist} and {psychologist#2} in the first week.
{psychologist} is still cited in research on {mental disorder}.
A biography of {psychologist} was published in {language} in {date}.
The museum in {city} has a room devoted to {inventor}.
Without {inventor}, the speaker argued, {company} might never have existed.
A school project on {inventor} won first prize at a science fair in {city}.
The diaries of {explorer} describe weeks of hunger and bitter cold.
{explorer} is remembered in {country} with stamps and street names.
The podcast retraces the route of {explorer} in ten episodes.
{astronaut} spoke to pupils in {city} about life in orbit.
A training suit worn by {astronaut} is displayed at the {museum}.
{astronaut} once described seeing the {mountain range} from space.
{space agency} invited {astronaut} to open its new visitor centre.
# --- artists, writers, performers -----------------------------------------------------
An exhibition of works by {painter} opens at the {museum} in the autumn.
{painter} spent one summer sketching the harbour in {city}.
An auction house in {city} sold a drawing by {painter} for a record price.
A large work by {sculptor} stands in the garden of the {museum}.
The exhibition pairs early drawings by {sculptor} with a new work by {sculptor#2}.
Students from {university} helped restore a statue by {sculptor}.
The new library in {city} was designed by a studio founded by former students of {architect}.
A walking tour of {city} focuses on buildings influenced by {architect}.
Critics compare {skyscraper} with the work of {architect}.
A retrospective of {photographer} is on show at the {museum} until the spring.
{photographer} once spent a month photographing the old harbour of {city}.
The magazine {magazine} once sent {photographer} to cover a story in {country}.
A print of {photograph} hangs in the hallway of the newspaper's office in {city}.
The exhibition at the {museum} includes {photograph} and {photograph#2}.
{photograph} appeared on the cover of {magazine}.
{fashion designer} showed a new collection in {city} during fashion week.
The {museum} is preparing an exhibition on {fashion designer}.
A dress designed by {fashion designer} was made from {fabric}.
{orchestra} will play music by {composer} at {concert hall} next season.
The concert paired {symphony} with a short solo piece by {composer}.
{pianist} recorded the complete solo works of {composer}.
{conductor} conducted {orchestra} in a performance of {symphony}.
Tickets for the concert conducted by {conductor} at {concert hall} sold out in minutes.
A documentary follows {conductor} during a tour of {country}.
{orchestra} recorded {symphony} at {concert hall} in {date}.
{singer} performed {song} at a concert in {city}.
The tribute night in {city} celebrated the music of {singer}.
Fans queued outside {stadium} for hours to see {singer}.
{rapper} headlined the final night of {music festival}.
The new single by {rapper} borrows heavily from {music genre}.
A mural of {rapper} appeared overnight in {neighborhood}.
{rapper} left {record label} after a long dispute.
{guitarist} gave a masterclass in {city} for young {music genre} players.
Fans still copy the solos of {guitarist} note for note.
{guitarist} and {guitarist#2} once shared a stage at {music festival}.
{guitarist} toured the {instrument maker} factory in {city}.
{pianist} once gave a legendary recital at {concert hall}.
Critics compared the young performer with {pianist} and {pianist#2}.
A basement club in {city} hosts a tribute to {jazz musician} every week.
Many critics rank {jazz musician} above {jazz musician#2}.
A documentary about {jazz musician} premiered at the {film festival}.
{record label} is reissuing classic recordings of {jazz musician}.
{actor} has been cast in a new adaptation of {novel}.
{actor} was spotted filming a scene near {landmark}.
Tickets for the play starring {actor} at the {theatre} sold out quickly.
{television presenter} interviewed {actor} on {tv channel}.
The retrospective at the {film festival} is devoted to {film director}.
Film students in {city} study {film director} closely.
Critics often compare {film director} with {film director#2}.
{film director} once named {film} as a favourite.
{novelist} is the most borrowed author at the public library in {city}.
A new translation of {novelist} into {language} appeared in {date}.
The book club discussed {novel} and then a short story by {novelist}.
Students in {city} memorise poems by {poet} for the annual competition.
The anthology places {poet} beside {poet#2}.
A line from {poet} is carved above the entrance to {library}.
The {theatre} is staging a rarely performed play by {playwright}.
{playwright} is studied alongside {novelist} in the final year of school in {country}.
A summer festival in {city} celebrates the plays of {playwright}.
{journalist} is often quoted in journalism classes at {university}.
A prize named after {journalist} was awarded to a young writer from {country}.
The memoir of {journalist} was serialised in {magazine}.
{chef} cooked {food} for a charity dinner in {city}.
The cookbook by {chef} has a whole chapter on {spice}.
{chef} taught a class on {cooking technique} in {city}.
{chef} served {dumpling} with {sauce} at the new restaurant in {neighborhood}.
{entrepreneur} spoke at a business summit in {city} about the future of {company}.
A biography of {entrepreneur} is required reading at {business school}.
A documentary about {entrepreneur} was shown on {tv channel}.
{entrepreneur} is the subject of a case study taught at {business school}.
A retrospective of sketches by {comedian} drew big crowds in {city}.
Clips of {comedian} are still shared widely on {social media platform}.
A documentary about {comedian} premiered on {streaming service}.
{television presenter} presented a special episode from {city}.
{television presenter} narrated a series about the {biome} for {tv channel}.
An exhibition of original drawings by {cartoonist} opens in {city} next month.
{cartoonist} is a big influence on the creators of {comic book}.
The comic shop in {city} has a whole shelf devoted to {cartoonist}.
A spy museum in {city} has a room about {spy}.
Historians still argue about how much damage {spy} did to {intelligence agency}.
A new film about {spy} was shot in {city} and {city#2}.
# --- athletes ----------------------------------------------------------------------
A statue of {footballer} was unveiled outside the club's stadium in {city}.
Children in {city} wear shirts with the name of {footballer}.
The documentary compares {footballer} with {footballer#2}.
A biography of {tennis player} was released in {country} last year.
The academy in {city} displays a racket signed by {tennis player}.
Commentators compared the young champion with {tennis player} and {tennis player#2}.
A pair of shoes worn by {basketball player} sold for a record price in {city}.
Fans still argue about whether {basketball player} was better than {basketball player#2}.
Kids on the courts of {city} imitate the moves of {basketball player}.
A bat used by {cricketer} was sold at a charity auction in {city}.
The commentators compared the batting of {cricketer} with that of {cricketer#2}.
Fans in {city} queued to meet {cricketer} at a book signing.
{golfer} played a charity round with a group of pupils from {city}.
A club once used by {golfer} was sold at auction in {city}.
Commentators compared {golfer} with {golfer#2} after the final round.
A public pool in {city} is named after {swimmer}.
{swimmer} and {swimmer#2} met at a charity event in {city}.
The documentary about {swimmer} was filmed partly in {country}.
The climb up {mountain pass} still carries the name of {cyclist} painted on the road.
A café in {city} displays a jersey signed by {cyclist}.
Fans argue endlessly about whether {cyclist} was stronger than {cyclist#2}.
A helmet worn by {racing driver} is displayed at {race track}.
Fans still argue whether {racing driver} was faster than {racing driver#2}.
A documentary about {racing driver} opens in cinemas in {country} next month.
{gymnast} inspired a generation of young athletes in {country}.
The juniors watched old videos of {gymnast} and {gymnast#2} before training.
A gym in {city} is named in honour of {gymnast}.
A ball signed by {baseball player} sold at auction in {city}.
Fans compare {baseball player} with {baseball player#2} to this day.
A plaque honouring {baseball player} was unveiled in {city}.
{sprinter} ran a lap of honour at {stadium}.
Commentators compared the race with the rivalry between {sprinter} and {sprinter#2}.
{sprinter} missed a season with an injury to the {muscle}.
{skier} opened a new slope at {ski resort} at the start of the season.
A photo of {skier} hangs in the lobby of every hotel in {ski resort}.
Fans still compare {skier} with {skier#2}.
{marathon runner} visited a running club in {city} last weekend.
The documentary follows {marathon runner} on long training runs in {country}.
Runners still compare their times with those of {marathon runner} and {marathon runner#2}.
Young players in {city} idolise {ice hockey player}.
Fans compare {ice hockey player} with {ice hockey player#2} every season.
A signed stick from {ice hockey player} was auctioned for {charity} in {city}.
A mural of {rugby player} covers a wall in {city}.
Fans still compare {rugby player} with {rugby player#2}.
{rugby player} visited schools in {city} to promote the sport.
# --- companies and brands ------------------------------------------------------------
{company} opened a new office in {city} in {date}.
{company} announced a partnership with {company#2}.
Shares in {company} rose on {stock exchange} after the results.
{airline} launched a direct route from {airport} to {city}.
An enthusiast in {city} built a scale model of the {aircraft}.
Passengers on {airline} were stuck at {airport} for six hours.
{aircraft manufacturer} delivered its first plane to {airline} in {date}.
{bank} reported higher profits after {central bank} raised interest rates.
{bank} moved part of its staff from {city} to {city#2}.
Analysts at {bank} expect the {stock index} to recover by the end of the year.
{central bank} kept interest rates unchanged in {date}.
{central bank} published its annual report on {date:on}.
{company} plans to list its shares on {stock exchange} next year.
Trading on {stock exchange} was suspended for an hour after a technical fault.
Traders on {stock exchange} watched the {stock index} fall sharply.
The {stock index} closed higher on {date:on}.
Shares of {company} pushed the {stock index} to a record high.
{supermarket chain} stopped selling {fruit} from one supplier after complaints.
{supermarket chain} opened its first store in {city}.
Prices of {vegetable} at {supermarket chain} rose sharply last month.
{supermarket chain} recalled jars of {sauce} after a labelling error.
{restaurant chain} opened its first branch in {country} in {date}.
{restaurant chain} added {food} to its menu in {city}.
Workers at {restaurant chain} in {city} went on strike.
{hotel chain} is building a new hotel near {airport}.
{hotel chain} bought a historic building in {city}.
The delegates stayed at a {hotel chain} hotel in {city}.
{car manufacturer} unveiled a new electric model at a motor show in {city}.
{car manufacturer} is recalling thousands of cars sold in {country}.
{car manufacturer} built a new factory in {country}.
{sportswear brand} signed a sponsorship deal with {sports team}.
{sportswear brand} designed the new kit for {sports team}.
{sportswear brand} opened a flagship store on {street}.
{fashion brand} opened a boutique on {street}.
{fashion brand} showed its spring collection in {city}.
{fashion brand} made {color} the main colour of its new collection.
{watch brand} opened a boutique on {street}.
{watch brand} sponsors {sports competition}.
A vintage {watch brand} watch sold for a fortune in {city}.
{cosmetics brand} launched a new range of sunscreen in {country}.
{cosmetics brand} opened a store on {street}.
{actor} is the new face of {cosmetics brand}.
{chocolate brand} opened a shop near {square}.
{chocolate brand} makes a bar flavoured with {spice}.
{chocolate brand} opened a new factory in {country}.
{chocolate brand} makes a bar with roasted {nut}.
{instrument maker} opened a workshop in {city}.
A vintage instrument made by {instrument maker} was sold at auction in {city}.
{record label} opened an office in {city}.
{publisher} is releasing a new edition of {novel}.
{publisher} opened an office in {city}.
The {literary genre} list at {publisher} has grown quickly.
{film studio} bought the rights to {novel}.
{film studio} is filming a new picture in {city}.
The animators at {film studio} visited {city} for research.
{streaming service} released all seasons of {tv show} in {country}.
{streaming service} raised its prices again last year.
{comic book} is being adapted into a series for {streaming service}.
{company} hired {consulting firm} to review its costs.
{consulting firm} opened an office in {city}.
A report by {consulting firm} predicts strong growth in {country}.
{pharmaceutical company} began trials of a vaccine against {virus}.
{pharmaceutical company} cut the price of {drug} in {country}.
{pharmaceutical company} is building a factory near {city}.
{oil company} was fined after a leak near {city}.
{oil company} is drilling for gas in {country}.
{oil company} sponsors an exhibition at the {museum}.
{telecommunications company} is rolling out faster broadband in {country}.
Customers of {telecommunications company} in {city} lost their signal for a day.
{telecommunications company} bought a stake in {telecommunications company#2}.
{aircraft manufacturer} opened an assembly plant in {country}.
{aircraft manufacturer} showed a new design at the air show in {city}.
# --- media -------------------------------------------------------------------------
{news agency} reported that {legislature} had approved the budget.
{news agency} has a correspondent in {city}.
According to {news agency}, {company} will cut jobs in {country}.
{news agency} reported the results of {election} within hours.
{newspaper} published a long essay about {novelist}.
{newspaper} reported on the strike at {company}.
An editorial in {newspaper} criticised {law}.
{newspaper} ran a long essay on the rise of {political ideology} in {country}.
{magazine} put {actor} on its cover.
The latest issue of {magazine} has a long feature on {city}.
A study by researchers in {city} links {disease} to poor sleep.
Researchers from {university} published their findings on {virus} last week.
A paper about {drug} was retracted after errors were found in the data.
A new proof of {mathematical theorem} was presented at a seminar in {city}.
A study from {university} followed patients with {mental disorder} for ten years.
{podcast} recorded a live episode at the {theatre}.
The latest episode of {podcast} is about {historical period}.
Listeners of {podcast} raised money for {charity}.
The podcast devoted a whole episode to {court case}.
{website} went down for several hours on {date:on}.
Volunteers in {city} edit {website} every weekend.
{website} was blocked in {country} for a week.
{company} posted the announcement on {social media platform} first.
Regulators in {country} fined {social media platform} over privacy failures.
Researchers at {university} studied the role of {social media platform} in recent elections.
The study compared how often people in {country} use {search engine}.
Researchers compared the results of {search engine} and {search engine#2}.
{search engine} changed the way it ranks results from {website}.
# --- organizations --------------------------------------------------------------------
{charity} raised money for families in {city}.
{charity} sent volunteers to {country} after the floods.
{actor} is an ambassador for {charity}.
{international organization} held an emergency meeting in {city}.
{country} hosted a summit of {international organization} in {date}.
Delegates from {international organization} visited {city} last week.
{government agency} opened an inquiry into {company}.
{government agency} issued new guidance on {drug}.
{government agency} approved {vaccine} for use in adults.
{government agency} moved part of its staff to {city}.
{space agency} and {space agency#2} agreed to share data on {planet}.
{space agency} wants to study {asteroid} up close.
{space agency} is planning a mission to {moon}.
A new image of {galaxy} was released by {space agency}.
A former officer of {intelligence agency} wrote a memoir set in {city}.
{intelligence agency} and {intelligence agency#2} shared information about the plot.
A museum exhibition traces the history of {police force}.
{police force} now issues body cameras to most officers.
The crime novel follows a detective from {police force}.
{trade union} called a national strike over pay in {date}.
Members of {trade union} marched through {city}.
{trade union} criticised the new {tax}.
The monastery outside {city} has belonged to the {religious order} for centuries.
Members of the {religious order} ran a school in {country} for many years.
The library of the {religious order} contains manuscripts in {language}.
{political party} promised to cut {tax}.
The leader of {political party} visited {city} during the campaign.
{legislature} debated a new {tax} until late at night.
A delegation from {legislature} visited {international organization}.
{court} ruled against {company} in {date}.
The ruling of {court} was reported by {news agency}.
A new book on {court case} was reviewed in {newspaper}.
{business school} opened a new campus in {city}.
{person} took a management course at {business school}.
Pupils from {school} visited the {museum}.
{school} celebrated its anniversary with a concert at {concert hall}.
Students from {conservatory} performed {symphony} at {concert hall}.
A young violinist from {country} won a place at {conservatory}.
{conservatory} runs a summer course in {city}.
{research institute} is leading a study on {disease}.
Scientists at {research institute} studied the {gene} gene in mice.
{think tank} published a report on {tax} and {tax#2}.
A fellow at {think tank} argued that the {currency} is overvalued.
{think tank} hosted a debate on {government policy}.
{sports league} will expand to include a team from {city}.
Broadcasters paid a record sum for the rights to {sports league}.
{sports league} signed a new sponsorship deal with {company}.
{sports governing body} moved its headquarters to {city}.
{sports governing body} held its annual congress in {city} in {date}.
Officials from {sports governing body} met in {city} to discuss new rules.
A museum devoted to the history of {sports team} opened last year.
{sports team} opened a training academy in {country}.
Fans of {sports team} celebrated in the streets of {city} until dawn.
{orchestra} toured {country} in {date}.
A tribute act to {band} plays every weekend in {city}.
The radio show played {song} and then a track by {band}.
Fans of {band} queued all night for tickets in {city}.
The {museum} lent several works to a gallery in {city}.
{hospital} opened a new wing for patients with {disease}.
Doctors at {hospital} now offer {medical procedure} to older patients.
{hospital} is known for its department of {medical specialty}.
{organization} awarded a research grant to a team at {university}.
{organization} held its annual meeting in {city} in {date}.
{person} joined {organization} as a volunteer in {date}.
The report by {organization} was widely covered by {newspaper}.
A street musician in {city} played the {musical instrument} outside {railway station}.
{person} sold an old {musical instrument} to a collector in {city}.
{orchestra} is looking for a new principal {musical instrument} player.
# --- places ----------------------------------------------------------------------------
Barges carry grain along the {river} for most of the year.
The {river} flooded several villages after days of heavy rain.
{person} kayaked down the {river} to raise money for {charity}.
A new bridge across the {river} opened in {date}.
The water level of {lake} dropped to a record low in {date}.
{person} swam across {lake} to raise money for {charity}.
Fishermen on {lake} reported smaller catches this year.
Climbers set out for the summit of {mountain} before dawn.
Snow on {mountain} arrived early this year.
The view of {mountain} from the hotel terrace is famous.
Hikers crossed the {mountain range} in three weeks.
Glaciers in the {mountain range} are shrinking fast.
{person} grew up in a village in the {mountain range}.
Temperatures in the {desert} can drop below freezing at night.
The rally route crossed the {desert} in four days.
Researchers from {university} study plants that survive in the {desert}.
Ferries to {island} run twice a day in summer.
Tourism on {island} has grown since {date}.
Tourists got soaked by the spray at {waterfall}.
The long drought reduced {waterfall} to a trickle.
A hiking trail leads from the village to {waterfall}.
Scientists measured how fast {glacier} is retreating.
Guided walks on {glacier} were cancelled because of the heat.
A team from {university} installed sensors on {glacier}.
Traffic through the {canal} was delayed after a barge broke down.
Cyclists follow the towpath along the {canal} in summer.
Builders from {country} helped widen the {canal}.
Visitors to {zoo} can watch the {animal species} being fed every afternoon.
{national park} attracts millions of hikers every summer.
The road through {national park} is closed in winter.
Rents in {neighborhood} have doubled in ten years.
{person} runs a bakery in {neighborhood}.
The walking tour starts in {neighborhood} and ends at a small café by the river.
Shops on {street} stayed open late before {holiday}.
A parade marched down {street} on {date:on}.
Rents on {street} are among the highest in the world.
Crowds gathered in {square} to watch the fireworks.
A market is held in {square} every weekend.
The tour guide met the group in {square}.
Joggers crowd {park} early on weekend mornings.
A concert in {park} drew thousands of fans.
{person} proposed on a bench in {park}.
Traffic on {bridge} was stopped for the marathon.
{bridge} was lit up in the colours of the flag.
Inspectors checked {bridge} after the heavy rain.
Traffic in the {tunnel} was halted after a fire alarm.
Maintenance work closed the {tunnel} overnight.
Building the {tunnel} took more than a decade.
Flights from {airport} were delayed by fog.
{airport} opened a new terminal in {date}.
Passengers at {airport} queued for hours after a power cut.
{person} ordered a {coffee drink} at the café near {railway station}.
The deli near {railway station} makes a great {sandwich}.
The vending machine at {railway station} only sells {soft drink}.
A new line of the {metro system} opened in {date}.
Commuters on the {metro system} faced delays after a signal failure.
The {metro system} carries millions of passengers every day.
The crowd at {stadium} sang {national anthem} before kick-off.
A tribute concert to {band} was held at {stadium}.
A crowd of fans waited outside {race track} before dawn.
The new grandstand at {race track} was finished in {date}.
Drivers praised the new surface at {race track}.
{concert hall} reopened after renovation with a concert by {orchestra}.
The acoustics of {concert hall} are famous among musicians.
The {theatre} is staging a new production of {play}.
{musical} opens at the {theatre} next month.
Visitors to {castle} can climb the old tower.
{castle} was used as a film location for {tv show}.
A wedding was held at {castle} on {date:on}.
Tourists queue for hours to enter {palace}.
The gardens of {palace} are open to visitors in summer.
A new exhibition at {palace} shows royal clothing and furniture.
The bells of {cathedral} rang out to mark the end of the restoration.
Restoration work on {cathedral} will take another ten years.
The choir of {cathedral} sang a requiem for the victims of {earthquake}.
{temple} is busiest early in the morning.
{temple} was restored with help from {international organization}.
Pilgrims travel long distances to visit {temple}.
The call to prayer echoed from the {mosque}.
The {mosque} can hold tens of thousands of worshippers.
Visitors must remove their shoes before entering the {mosque}.
The observation deck of {skyscraper} offers views across the whole city.
The lifts in {skyscraper} are among the fastest in the world.
Tourists took photos of {landmark} at sunset.
{landmark} was lit up in special colours on {holiday}.
Millions of visitors see {landmark} every year.
{zoo} welcomed a baby {animal species} in {date}.
The reptile house at {zoo} has a new {reptile}.
Keepers at {zoo} are breeding the {amphibian} to save it from extinction.
{amusement park} opened a new roller coaster in {date}.
Queues at {amusement park} were long during {holiday}.
Families from {city} often spend a day at {amusement park}.
Stallholders at {market} sell {spice} by the scoop.
A small stall in {market} sells {dumpling} and {dumpling#2}.
{market} is busiest on the day before {holiday}.
{person} stayed at {hotel} on a business trip.
{hotel} is famous for its afternoon tea with {tea}.
The bar at {hotel} serves {whisky} and {whisky#2}.
Excavations at {archaeological site} uncovered a set of pots.
A museum in {city} has a display on the history of {alloy}.
The new gallery on {historical period} at the {museum} opened in {date}.
Observers at {observatory} tracked {planet} for several weeks.
Observers at {observatory} measured the brightness of {star}.
Observers at {observatory} photographed {comet} through thin cloud.
Observers at {observatory} tracked {asteroid} as it passed close by.
Visitors to {cave} walk through a chamber full of stalactites.
Scientists measured the temperature inside {cave} every hour.
{cave} was closed after heavy rain flooded the entrance.
Lifeguards on {beach} closed the water after a shark was seen.
{person} learned to surf on {beach}.
Volunteers cleared plastic from {beach} on {date:on}.
Water levels behind the {dam} fell during the drought.
The {dam} supplies electricity to millions of homes.
Inspectors from {university} examined the {dam} after the flood.
The {lighthouse} was automated many years ago.
Keepers once lived at the {lighthouse} all year round.
The old keeper's cottage beside the {lighthouse} is now a holiday rental.
Guided tours of {prison} run every hour in summer.
{prison} closed long ago and is now a museum.
A documentary about {prison} was filmed partly in {city}.
Crowds gathered at {monument} for a ceremony on {holiday}.
{monument} was cleaned and restored in {date}.
Schoolchildren from {city} visited {monument} on a history trip.
{botanical garden} is famous for its {flower}.
Gardeners at {botanical garden} planted a young {tree} in {date}.
The glasshouses of {botanical garden} hold plants from {country}.
Visitors to {cemetery} often leave flowers at the graves of famous writers.
Guided walks through {cemetery} are popular with tourists.
The old chapel in {cemetery} was restored in {date}.
{skier} opened a new run at {ski resort} in {date}.
Heavy snow closed the roads to {ski resort} for two days.
{person} broke the {bone} skiing in {ski resort}.
The road over {mountain pass} is closed for most of the winter.
Traders once crossed {mountain pass} with heavy loads of {spice}.
The bus crawled up {mountain pass} in thick fog.
{person} drove the whole of {highway} in an old {vehicle model}.
Roadworks on {highway} caused long delays last weekend.
The travel show followed a family along {highway}.
# --- creative works --------------------------------------------------------------------------
The book club in {city} is reading {novel} this month.
A new translation of {novel} into {language} was published in {date}.
{novel} was adapted into a series for {streaming service}.
{book} is on the reading list for first-year students at {university}.
{politician} reportedly kept a copy of {book} on the desk.
The documentary on {tv channel} was inspired by {book}.
A first edition of {book} sold at auction in {city}.
Pupils in {city} learned {poem} by heart.
{actor} read {poem} aloud at the memorial service.
The anthology opens with {poem} and closes with a new work by {poet}.
{poem} was translated into {language} by a young poet from {city}.
{actor} will star in a revival of {play} next season.
Students in {city} performed {play} in {language}.
Audiences in {city} queued for tickets to a new production of {play}.
The class read {short story} and argued about its ending.
{actor} recorded an audiobook of {short story}.
{short story} was adapted into a short film in {country}.
{film} was shown in a restored version at the {film festival}.
The cinema club in {city} screened {film} on {date:on}.
{film} and {film#2} top the list of favourite films among critics in {country}.
Fans of {tv show} visit locations in {city} where it was filmed.
{actor} made a surprise appearance in {tv show}.
{tv show} was the most watched series in {country} last year.
{album} was reissued on vinyl last year.
The radio station played {album} from start to finish last night.
Critics still rank {album} above {album#2}.
A cover band played {album} in full at {music festival}.
A choir in {city} sang {song} at the end of the ceremony.
{song} was played at the wedding right after {song#2}.
{song} topped the charts in {country}.
A school in {city} staged {musical} with a cast of forty pupils.
Tickets for {musical} in {city} sold out in a day.
{musical} and {musical#2} are among the longest-running shows ever staged.
Visitors queue for hours to see {sculpture}.
Art students spent the morning sketching {sculpture}.
The guidebook describes {sculpture} in great detail.
A copy of {sculpture} was placed in the lobby of a hotel in {city}.
The comic shop in {city} sold out of {comic book} in a day.
{cartoonist} said that {comic book} changed the medium forever.
Sales of {manga} in {country} rose sharply this year.
The new volume of {manga} was translated into {language}.
A bookshop in {city} held a midnight launch for {manga}.
Pupils in {city} studied the {speech} speech in their history class.
{actor} read the {speech} speech at the ceremony.
A recording of the {speech} speech is kept at {library}.
A military band played {national anthem} at the ceremony in {city}.
The choir learned {national anthem} and {national anthem#2} for the summit.
The {museum} has a whole wing devoted to {art movement}.
The course compares {art movement} with {art movement#2}.
An exhibition on {art movement} opens in {city} in the spring.
The old town of {city} is full of {architectural style}.
The walking tour of {city} focuses on {architectural style} and {architectural style#2}.
Students from {university} wrote essays on {architectural style}.
The bookshop in {city} has a large section for {literary genre}.
{publisher} is publishing more {literary genre} than ever.
The course on {literary genre} includes {novel}.
The festival in {city} devoted a whole week to {film genre}.
{film director} once said that {film genre} was a major influence.
The lecture traced the history of {film genre} from its beginnings to today.
A festival devoted to {music genre} takes place in {city} every summer.
{record label} built its reputation on {music genre}.
Scans showed more activity in {brain region} when volunteers listened to {music genre}.
Pupils in {city} had to write a {poetic form} about the sea.
The workshop covers the {poetic form} and the {poetic form#2}.
The anthology includes a {poetic form} in {language}.
# --- science and medicine -----------------------------------------------------------------------
Cases of {disease} rose sharply in {city} last winter.
A new test for {disease} was approved in {country}.
Doctors in {city} explained the risks of {medical procedure} to the patient.
Records from {epidemic} helped researchers at {university} model the spread of {disease}.
Patients taking {drug} should avoid alcohol, the leaflet warns.
The leaflet warns that {drug} can cause {medical symptom}.
Call a doctor if {medical symptom} lasts more than three days.
{person} complained of {medical symptom} after the long flight to {city}.
Researchers at {university} mapped the structure of {protein}.
Levels of {protein} were measured in blood samples from volunteers in {city}.
The lecture on {protein} ended with a question about the {gene} gene.
A test for variants of {gene} is now offered in {country}.
Researchers at {research institute} found a faster form of {enzyme}.
The textbook chapter compares {enzyme} with {enzyme#2}.
Students at {university} measured how temperature affects {enzyme}.
The study measured {hormone} and {hormone#2} in the blood of night workers.
Researchers at {university} found that poor sleep changes levels of {hormone}.
A lecture on {hormone} was held at {research institute}.
The lecture explained how {neurotransmitter} and {neurotransmitter#2} carry signals in the brain.
Researchers in {city} studied the role of {neurotransmitter} in {mental disorder}.
A new imaging method lets researchers at {research institute} watch {neurotransmitter} being released.
The doctor prescribed {vitamin} after the blood test.
People in {country} are advised to take {vitamin} during the winter.
The study found that many children in {city} lack {vitamin}.
Clinics in {city} began offering {vaccine} to more patients.
Demand for {vaccine} rose sharply in {country} last year.
Researchers in {city} sequenced samples of {virus} taken from patients.
A study in {scientific journal} tracked how {virus} spreads in hospitals.
Inspectors found {bacterium} in samples taken from a factory in {country}.
Researchers at {research institute} study how {bacterium} resists antibiotics.
Doctors in {city} treated an outbreak caused by {bacterium}.
The textbook chapter on {fungus} also covers {fungus#2}.
Researchers at {university} grew {fungus} on waste from local breweries.
A new study describes the genome of {fungus}.
Doctors in {city} treated a traveller infected with {parasite}.
{research institute} received funding to study {parasite}.
Doctors in {country} reported new infections with {parasite}.
Researchers at {research institute} turned skin cells into {cell type}.
Under the microscope, the students could see {cell type} clearly.
The new therapy uses modified {cell type}, the researchers at {research institute} said.
A scan at {hospital} showed a small cyst on the {organ}.
Surgeons at {hospital} removed part of the patient's {organ}.
Researchers at {research institute} grew a tiny version of the {organ} in the laboratory.
The climber broke the {bone} in a fall on {mountain}.
Students at {university} learn to identify the {bone} and the {bone#2} in the first week.
The scan showed a hairline crack in the {bone}.
After the race, the runner strained the {muscle}.
The exercise is designed to strengthen the {muscle} and the {muscle#2}.
A physiotherapist in {city} explained how to stretch the {muscle}.
The lecture explained how {brain region} works together with {brain region#2}.
Researchers at {research institute} studied damage to {brain region} in patients with {disease}.
The waiting list for {medical procedure} at {hospital} has grown.
A charity in {city} offers support for people with {mental disorder}.
{person} is training in {medical specialty} at {hospital}.
The conference on {medical specialty} took place in {city} in {date}.
The plant in {country} produces {chemical element} and {chemical element#2}.
Prices of {chemical element} rose after a strike in {country}.
The students weighed a sample of {chemical element} in the laboratory.
The factory near {city} was fined for releasing {chemical compound}.
Sensors measured {chemical compound} in the air above {city}.
Students on the field trip found {mineral} and {mineral#2} in the rock.
The quarry in {country} produces {mineral}.
A display of {mineral} crystals is on show at the {museum}.
The old town hall in {city} is built of {rock type}.
The cliffs near {city} are made of {rock type} and {rock type#2}.
The kitchen counter is made of polished {rock type}.
The new sculpture in {square} is made of {alloy}.
A factory in {city} supplies {alloy} to manufacturers.
The new product line from {company} uses recycled {material}.
Researchers at {university} developed a lighter form of {material}.
The design course at {university} compares {material} with {material#2}.
Physicists at {research institute} measured the properties of the {subatomic particle} more precisely.
The lecture explained the difference between the {subatomic particle} and the {subatomic particle#2}.
The experiment measured the {physical constant} to nine decimal places.
Students at {university} had to estimate the {physical constant} from their data.
The textbook lists the value of the {physical constant} next to the {physical constant#2}.
A computer at {university} calculated {mathematical constant} to a record number of digits.
The lecture linked {mathematical constant} to {mathematical constant#2}.
The course ends with a week on {equation}.
Students at {university} solved {equation} numerically in {programming language}.
The café near {university} has {equation} painted on its wall.
The lecture compared {mathematical theorem} with {mathematical theorem#2}.
The documentary on {tv channel} explains {scientific theory} with simple animations.
A debate on {scientific theory} was held at {university} in {date}.
The exam question asked students to apply {scientific law}.
The textbook from {publisher} explains {scientific law} with a simple diagram.
The lab demonstration showed {scientific law} and {scientific law#2}.
The podcast episode on the {scientific experiment} was surprisingly popular.
Students at {university} repeated the {scientific experiment} in class.
The textbook describes the {scientific experiment} and the {scientific experiment#2} side by side.
The new standard changed the official definition of the {unit of measurement}.
Students at {university} compared the {unit of measurement} with the {unit of measurement#2}.
The textbook explains what a {unit of measurement} measures.
Applications to study {academic discipline} at {university} rose this year.
The podcast explains {academic discipline} and {academic discipline#2} to teenagers.
Rocks from the {geological period} are exposed in the cliffs near {city}.
The new gallery at the {museum} covers life in the {geological period}.
Geologists from {university} dated the layer to the {geological period}.
Her talk at {university} compared the atmosphere of {planet} with that of {planet#2}.
The planetarium show compares {moon} with {moon#2}.
A new map of {moon} was published by {space agency}.
The app helps users find {star} and {star#2} in the night sky.
Students at {university} modelled a collision between {galaxy} and {galaxy#2}.
Crowds gathered on the hills outside {city} to watch {comet}.
The podcast compared {comet} with {comet#2}.
The documentary explains how {asteroid} differs from {asteroid#2}.
The documentary on {tv channel} follows a year in the {biome}.
Climate change is shrinking the {biome}, a report by {charity} warned.
Students from {university} spent a month studying the {biome}.
Pilots flying over {city} reported a layer of {cloud type} clouds.
{cloud type} clouds drifted over {mountain} all afternoon.
The textbook shows {cloud type} and {cloud type#2} side by side.
Scientists from {research institute} warned that the {ocean current} is slowing down.
Researchers dropped floats into the {ocean current} to track its speed.
The lecture compared the {ocean current} with the {ocean current#2}.
Locals blamed the {wind} for their headaches.
The guide explained that the {wind} is stronger than the {wind#2}.
The novel opens with the {wind} howling through the streets of a small town.
# --- technology -------------------------------------------------------------------------------
{company} rewrote its payment system in {programming language}.
The course at {university} teaches {programming language} in the first term.
{person} prefers {programming language} to {programming language#2} for data work.
The interview question asked candidates to implement {algorithm} in {programming language}.
{company} pays for thousands of licences for {software}.
A security flaw in {software} was fixed last month.
{person} uses {software} every day at work.
{person} could not open the {file format} file that a colleague had sent.
The old laptop still runs {operating system}.
The computing department at {university} still runs {operating system} on some servers.
The lab at {university} runs {operating system}, while the office uses {operating system#2}.
The website does not load properly in {web browser}.
{web browser} was the default browser on the computers at {university} for years.
{person} switched from {web browser} to {web browser#2} years ago.
{person} still keeps an old {mobile phone} in a drawer.
Collectors now pay high prices for a boxed {mobile phone}.
The museum in {city} displays a {mobile phone} next to a rotary telephone.
{person} learned to code on a {computer} at school.
The museum in {city} has a working {computer} on display.
Collectors pay more for a {computer} than for a {computer#2}.
A hobbyist in {city} wrote an emulator for the {microprocessor}.
The museum in {city} displays an early {microprocessor} under glass.
Hobbyists in {city} still write code for the {microprocessor}.
The lecture at {university} compared {algorithm} with {algorithm#2}.
The textbook explains {algorithm} with a worked example.
The photos were exported in {file format} format before upload.
The archive converted old documents from {file format} to {file format#2}.
The outage at {company} was caused by a misconfigured {network protocol} server.
The course at {university} explains how {network protocol} differs from {network protocol#2}.
Security researchers found a flaw in the way {software} handles {network protocol}.
Researchers at {university} fine-tuned {machine learning model} on medical records.
The paper compares {machine learning model} with {machine learning model#2}.
Students in {city} used {machine learning model} for a class project.
The startup in {city} built its website with {software framework}.
The team migrated from {software framework} to {software framework#2}.
The workshop at {university} teaches {software framework} in three days.
{company} moved its customer records from {database} to {database#2}.
The startup in {city} stores its data in {database}.
The course at {university} covers {database} and {software framework}.
{company} moved its servers to {cloud computing platform}.
An outage at {cloud computing platform} took thousands of websites offline.
The startup in {city} compared {cloud computing platform} with {cloud computing platform#2}.
{person} shot the whole holiday on a {camera}.
{person} found an old {camera} at a flea market in {city}.
Collectors pay high prices for a {camera} in good condition.
The museum in {city} displays {robot} next to {robot#2}.
Visitors to the science fair in {city} met {robot}.
Researchers at {university} used {robot} in a study of how children react to machines.
Sales of the {product} rose sharply before {holiday}.
The design museum in {city} displays the {product} next to the {product#2}.
A restored {vehicle model} won first prize at the car show in {city}.
A classic car club in {city} owns a {vehicle model} and a {vehicle model#2}.
A {aircraft} flew over {city} during the air show.
The museum in {city} displays a {aircraft} in its main hall.
The aviation museum has both a {aircraft} and a {aircraft#2}.
{person} took the {train} for the first time last summer.
Tickets for the {train} sold out weeks in advance.
The travel show compared the {train} with the {train#2}.
The {museum} has a {weapon} in its collection.
Collectors in {country} paid a record price for a {weapon}.
The history lecture compared the {weapon} with the {weapon#2}.
# --- food and drink ------------------------------------------------------------------------------
A small restaurant in {neighborhood} serves the best {food} in town.
{person} learned to make {food} while living in {country}.
A spoonful of {sauce} goes well with {food}.
The market stall sells {fruit} and {vegetable} by the kilo.
{person} lost a third of the {fruit} in the garden to the late frost.
{person} made jam from the {fruit} in the garden.
The school garden in {city} grows {vegetable} and {vegetable#2}.
{chef} roasted {vegetable} with {spice}.
The recipe calls for a pinch of {spice} and a little {spice#2}.
Traders once carried {spice} along the old caravan routes to {city}.
{person} grows {herb} and {herb#2} on the balcony.
Sprinkle fresh {herb} over the {soup} before serving.
The market in {city} sells bunches of {herb} for almost nothing.
The cake is topped with crushed {nut}.
The label warns that the bar may contain {nut} and {nut#2}.
Street vendors in {city} sell roasted {nut} in winter.
Farmers in {country} planted more {grain} than {grain#2} this year.
The bakery in {city} uses flour made from {grain}.
The price of {grain} rose after a drought in {country}.
The bakery on {street} sells fresh {bread} every morning.
{chef} served the {soup} with warm {bread}.
{person} learned to bake {bread} while living in {city}.
The café in {city} is famous for its {dessert}.
{chef} finished the menu with {dessert} flavoured with {spice}.
{person} ordered {dessert} and a cup of {tea}.
A small restaurant in {city} serves {soup} at the end of every week.
{person} learned to make {soup} from a neighbour in {country}.
{chef} showed the class how to make {sauce} from scratch.
{person} ordered a {sandwich} and a {soft drink}.
The food truck in {city} is famous for its {sandwich}.
{person} learned to fold {dumpling} from a grandmother in {city}.
The cookbook explains {cooking technique} and {cooking technique#2} step by step.
{person} learned {cooking technique} at a cookery school in {country}.
{person} drank a can of {soft drink} on the train to {city}.
In {country}, {soft drink} outsells {soft drink#2}.
{person} drinks a cup of {tea} every afternoon.
The café in {city} serves {tea} with {dessert}.
{country} imports large amounts of {tea}.
The barista in {city} makes the best {coffee drink} in town.
Cafés in {country} serve {coffee drink} with a glass of water.
{person} opened a bottle of {wine} to celebrate.
The restaurant in {city} serves {wine} with its {food}.
Prices of {wine} rose after a poor harvest.
A wine bar in {city} offers {grape variety} by the glass.
The tasting compared {grape variety} with {grape variety#2}.
A winemaker near {city} grows {grape variety} on steep slopes.
The pub near {stadium} sells {beer} and {beer#2} on tap.
{person} ordered a {beer} after the match.
{beer} sponsors {sports competition}.
{person} keeps a bottle of {whisky} for special occasions.
A rare bottle of {whisky} sold at auction in {city}.
The distillery near {city} produces {distilled spirit} and {distilled spirit#2}.
{person} brought back a bottle of {distilled spirit} from {country}.
Taxes on {distilled spirit} rose again in {country}.
# --- nature ---------------------------------------------------------------------------------------
A documentary on {tv channel} follows the {animal species} through a whole year.
The {animal species} is the subject of a new conservation plan in {country}.
Children in {city} took part in a survey of the {insect}.
The {insect} is the subject of a new exhibition at the {museum}.
Stocks of the {fish} have fallen sharply since {date}.
The aquarium in {city} has a new tank for the {fish}.
Divers filmed the {fish} in the wild.
The {reptile} is one of the animals that visitors to {zoo} most want to see.
Scientists from {university} tracked the {reptile} with tiny radio tags.
The {amphibian} is threatened by a fungal disease that spreads through ponds and streams.
Researchers from {university} studied the {amphibian} in the wild.
The guide explained how to recognise the {tree} by its bark.
Forestry students from {university} measured the height of the {tree}.
{person} bought a bunch of {flower} for the party.
Farmers near {city} grow {flower} for export to {country}.
{person} keeps a {houseplant} on the windowsill.
The garden centre in {city} sold out of {houseplant} cuttings.
A {houseplant} needs less light than a {houseplant#2}.
# --- history, society, culture ------------------------------------------------------------------
A new visitor centre opened at the entrance to {national park}.
Tourists flock to {archaeological site} every summer.
A team from {university} is mapping {archaeological site} with drones.
The judges of {court} delivered their verdict after two years.
{scientific journal} published a special anniversary issue in {date}.
The editors of {scientific journal} rejected the paper after a long review.
A researcher from {university} published a paper in {scientific journal}.
Records from {date:old} mention a ferry across the {river}.
The bakery on {street} has been run by the same family since {date:old}.
A map from {date:old} shows the old town of {city}.
Tickets for {music festival} sold out in minutes.
A band from {city} will open {music festival} this year.
The exhibition at the {museum} tells the story of {event}.
{person} wrote a thesis on {event} at {university}.
A new documentary about {event} premiered on {tv channel}.
The library holds letters written by soldiers during {war}.
A new history of {war} became a bestseller in {country}.
The course compares {war} with {war#2}.
Historians still debate the outcome of {battle}.
Re-enactors staged {battle} in a field outside {city}.
The museum's model of {battle} took years to build.
Declassified files on {military operation} were released in {date}.
A new film about {military operation} was shot in {country}.
The planners of {military operation} met in secret in {city}.
A documentary about {military unit} was filmed in {country}.
The great-grandfather of {person} served in {military unit}.
The museum in {city} has a gallery on the history of {military unit}.
The grandfather of {person} was awarded {military decoration} for bravery.
The museum in {city} displays {military decoration} next to {military decoration#2}.
Only a handful of people have ever received {military decoration} twice.
The exhibition at the {museum} explores trade in {empire}.
Scholars at {university} study the collapse of {empire}.
Maps of {empire} hang on the walls of the classroom.
A vase from {dynasty} sold at auction in {city}.
The exhibition at the {museum} covers art from {dynasty}.
Scholars compare the fall of {dynasty} with that of {dynasty#2}.
The course at {university} covers {historical period} and {historical period#2}.
The museum in {city} has a new gallery on {revolution}.
The essay compares {revolution} with {revolution#2}.
A new history of {revolution} was translated into {language}.
Turnout in {election} was higher than expected.
Pollsters in {city} still study {election}.
The exhibition in {city} traces the history of {social movement}.
Students at {university} organised a conference on {social movement}.
Photographs of {social movement} were shown at the {museum}.
Economists still argue about whether {government policy} worked.
A documentary on {tv channel} looked back at {government policy}.
Historians still debate the causes of {famine}.
The museum in {city} has a room devoted to {famine}.
{person} wrote a thesis on {famine} at {university}.
Historians compare {epidemic} with {epidemic#2}.
The museum in {city} has a room about {epidemic}.
A new documentary tells the story of {earthquake}.
The museum in {city} has an exhibit on {earthquake}.
Geologists from {university} still study {earthquake}.
Lessons from {industrial disaster} are taught to every safety inspector.
A documentary about {industrial disaster} premiered on {streaming service}.
Relatives of the victims of {industrial disaster} met to mark the anniversary.
Delegates at {conference} argued for days before reaching a decision.
The archive in {city} holds the minutes of {conference}.
Historians still debate what was decided at {conference}.
{person} volunteers at {festival} every year.
Hotels fill up months before {festival}.
A documentary on {tv channel} followed the preparations for {festival}.
{film} was shown out of competition at the {film festival}.
The market in {square} is especially busy before {holiday}.
Many shops close early for {holiday}.
Tickets for {sports competition} sold out within hours.
{sportswear brand} sponsors {sports competition}.
Crowds in {city} watched {sports competition} on giant screens.
The shortlist for {award} was announced in {city}.
{person} was nominated for {award} in {date}.
The jury of {award} met in {city} to choose the winner.
Lawyers for {company} argued that {law} did not apply.
Law students at {university} spent a week on {court case}.
{political party} promised to scrap {tax} if elected.
The {currency} fell against the {currency#2} after the announcement.
Traders in {city} sold the {currency} after the election.
The exchange office at {airport} offers a poor rate for the {currency}.
{person} is learning {language} before moving to {city}.
The museum label explains the difference between {writing system} and {writing system#2}.
{person} learned to read {writing system} in three months.
The exhibition at the {museum} shows early examples of {writing system}.
{person} teaches {sign language} at a community centre in {city}.
A charity in {city} offers free classes in {sign language}.
Linguists at {university} compared {sign language} with {sign language#2}.
The exhibition at the {museum} explores the history of the {ethnic group}.
Anthropologists from {university} worked with the {ethnic group} for several years.
A documentary about the {ethnic group} was shown on {tv channel}.
The course at {university} compares {religion} with {religion#2}.
A new museum in {city} is devoted to the history of {religion}.
{person} wrote a thesis on {religion} in {country}.
A rare copy of the {religious text} is kept at {library}.
Scholars translated the {religious text} into {language}.
The course compares the {religious text} with the {religious text#2}.
The seminar in {city} compared {political ideology} with {political ideology#2}.
The reading group in {city} spent a year on {philosophical movement}.
The essay compares {philosophical movement} with {philosophical movement#2}.
A podcast about {philosophical movement} became popular in {country}.
{city} built a new centre for {sport} and {sport#2}.
Interest in {sport} has grown in {country} since {date}.
{toy} was once the most wanted present in {country}.
The toy shop in {city} still sells {toy} and {toy#2}.
{person} found an old {toy} in the attic.
The walls of the café in {city} are painted {color}.
The designer chose {color} and {color#2} for the new logo of {company}.
The scout leader taught the children to tie a {knot}.
The instructor in {city} showed the class how to tie a {knot} with one hand.
The guide explains the difference between a {knot} and a {knot#2}.
The mill in {city} has woven {fabric} for two centuries.
The tailor recommended {fabric} for summer and {fabric#2} for winter.
{person} wore a {garment} to the wedding in {city}.
{fashion designer} reinterpreted the {garment} for the new collection.
The costume museum in {city} has a rare antique {garment} on display.
"""

# ---------------------------------------------------------------------------
# What must stay out of this file so that eval_unseen.json measures zero-shot transfer.
# ---------------------------------------------------------------------------
# Near-synonyms, hypernyms and rewordings of the held-out labels: none may be a label here.
BANNED_LABELS = {
    "mythological figure", "mythical creature", "god", "goddess", "deity", "myth", "legendary figure",
    "cocktail", "mixed drink", "alcoholic beverage", "alcoholic drink", "drink", "beverage", "liqueur",
    "video game", "computer game", "game", "mobile game", "game console", "video game console", "esports",
    "dinosaur", "prehistoric animal", "fossil", "extinct animal", "prehistoric reptile",
    "painting", "artwork", "work of art", "oil painting", "portrait", "mural", "fresco", "art work",
    "constellation", "asterism", "star cluster",
    "ship", "boat", "vessel", "warship", "ocean liner", "submarine", "aircraft carrier", "shipwreck", "ship name",
    "board game", "tabletop game", "card game", "strategy game", "game of skill",
    "fictional character", "character", "superhero", "cartoon character", "villain", "literary character",
    "opera", "operetta", "opera house", "aria", "libretto",
    "volcano", "volcanic mountain", "stratovolcano",
    "spacecraft", "space probe", "satellite", "space station", "rocket", "space telescope", "space mission",
    "spaceship", "space vehicle",
    "martial art", "combat sport", "fighting style", "self-defense system",
    "dance style", "dance", "dance form", "ballroom dance", "ballet",
    "gemstone", "gem", "jewel", "precious stone", "semi-precious stone", "jewelry",
    "cheese", "dairy product", "cheese variety",
    "bird species", "bird", "seabird", "bird of prey", "songbird",
    "dog breed", "dog", "breed", "cat breed", "horse breed",
    "hurricane", "storm", "tropical storm", "tropical cyclone", "typhoon", "cyclone", "natural disaster",
    "weather event",
    "cryptocurrency", "digital currency", "crypto token", "token", "coin", "blockchain",
    "typeface", "font", "font family", "typography",
    "nebula", "interstellar cloud", "star-forming region",
    "treaty", "agreement", "peace treaty", "accord", "pact", "international agreement", "convention",
    "pasta", "noodle", "noodles", "pasta shape", "pasta dish",
}

# Instances of the held-out types beyond the entity strings of eval_unseen.json (which are also
# checked): none may occur in this file's text at all (case-insensitive, whole words).
FORBIDDEN_STRINGS = """
Vesuvius; Krakatoa; Etna; Mauna Loa; Kilauea; Eyjafjallajökull; Popocatépetl; Pinatubo; Stromboli; Tambora;
Cotopaxi; St. Helens; Hekla; Erebus; Nyiragongo; Rainier; Pelée; Mount Fuji; Kilimanjaro; Mount Kenya; volcano;
Voyager; Sputnik; Hubble Space Telescope; International Space Station; Cassini; New Horizons; Vostok;
Space Shuttle; Crew Dragon; Soyuz; Philae; James Webb; Pioneer 10; Chandrayaan; Apollo; spacecraft;
karate; taekwondo; kung fu; aikido; jiu-jitsu; capoeira; Muay Thai; kendo; krav maga; wing chun; tai chi;
jujutsu; judo; sumo; kickboxing; boxing; wrestling; martial;
tango; waltz; flamenco; foxtrot; salsa; breakdancing; quickstep; rumba; tap dance; cha-cha; Lindy Hop; jive;
polka; samba; ballet; hula; bharatanatyam; dance; dancer;
diamond; =ruby; sapphire; emerald; amethyst; topaz; opal; jade; garnet; aquamarine; tanzanite; lapis lazuli;
turquoise; Koh-i-Noor; gemstone; quartz; pearl;
Parmesan; Brie; Camembert; Cheddar; Roquefort; Mozzarella; Feta; Gruyère; Stilton; Manchego; Emmental;
Gorgonzola; Halloumi; Pecorino; Mascarpone; Gouda; Comté; Raclette; cheese; ricotta;
puffin; owl; flamingo; ostrich; albatross; kingfisher; =robin; blue jay; toucan; macaw; hummingbird; dodo;
kiwi; eagle; tern; =swan; swallow; kookaburra; peafowl; peacock; parrot; =falcon; =penguin; condor; sparrow;
bird; birds;
Hurricane; typhoon; cyclone;
Ethereum; Dogecoin; Litecoin; Monero; Solana; Cardano; Tether; XRP; Polkadot; Bitcoin; cryptocurrency;
Helvetica; Times New Roman; Arial; Comic Sans; Garamond; Futura; Verdana; Calibri; Baskerville; Gill Sans;
Courier; Bodoni; Frutiger; Didot; Papyrus; Roboto; Palatino; Akzidenz-Grotesk; Caslon; typeface; font;
Labrador Retriever; German Shepherd; Poodle; Beagle; Dachshund; Chihuahua; Golden Retriever; Border Collie;
Siberian Husky; Great Dane; Bulldog; Rottweiler; Dalmatian; Corgi; Saint Bernard; Shiba Inu; Greyhound; Pug;
Bernese Mountain Dog; Jack Russell; terrier; dog breed;
Nebula; nebula;
Treaty; treaty; Kyoto Protocol; Paris Agreement; Good Friday Agreement; Geneva Conventions; Warsaw Pact;
Schengen Agreement; Accords;
spaghetti; penne; fusilli; lasagne; lasagna; ravioli; tortellini; linguine; fettuccine; farfalle; rigatoni;
orecchiette; tagliatelle; cannelloni; macaroni; bucatini; pappardelle; orzo; conchiglie; pasta; noodles;
cocktail; mojito; martini; margarita; daiquiri;
opera; operas;
dinosaur; Jurassic Park;
constellation;
ship; ships;
video game; board game;
"""

SLOT_RE = re.compile(r"\{([a-z][a-z0-9 '\-]*?)(?::([a-z]+))?(?:#(\d))?\}")


def parse_pools(text):
    """`label[:variant] | e1; e2; ...` with indented continuation lines -> {key: [(article, name)]}."""
    raw, key = {}, None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith(" "):
            assert key, line
            raw[key] += " " + line.strip()
            continue
        key, sep, rest = line.partition(" | ")
        assert sep and key not in raw, line
        raw[key] = rest
    pools = {}
    for key, body in raw.items():
        items = [e.strip() for e in body.split(";") if e.strip()]
        assert len(items) == len(set(items)), ("duplicate entity in pool", key)
        pools[key] = []
        for e in items:
            article, name = ("the ", e[4:]) if e.startswith("the ") else ("", e)
            assert name and not name.endswith("."), (key, e)
            assert len(tokenize(name)) <= make_data.MAX_ENTITY_WORDS, (key, e)
            pools[key].append((article, name))
    return pools


def parse_templates(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        literal = SLOT_RE.sub("", line)
        assert "{" not in literal and "}" not in literal, ("bad slot", line)
        # no names or numbers in the frame itself: every entity of a sentence comes from a slot
        assert not re.search(r"[0-9]", literal), ("digit in template", line)
        assert not re.search(r"[A-Z]", SLOT_RE.sub("x", line)[1:]), ("capital letter inside template", line)
        out.append(line)
    assert len(out) == len(set(out)), "duplicate template"
    return out


def pool_key(m):
    label, variant, _ = m.groups()
    return label + (":" + variant if variant else "")


def needs_an(name):
    first = name.split()[0]
    plain = "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))
    if re.fullmatch(r"[A-Z][A-Z0-9\-]+", plain) and plain not in {"FLAC"}:  # read letter by letter: an HTC, an M16
        return plain[0] in "AEFHILMNORSX"
    low = plain.lower()
    if low.startswith(("uni", "eu", "one", "use", "usu", "ure")):
        return False
    return low[0] in "aeiou"


class Drawer:
    """Round-robin over a shuffled copy of each pool, so every entity is used about equally often."""

    def __init__(self, pools, rng):
        self.pools, self.rng, self.queues = pools, rng, {}

    def draw(self, key, avoid):
        q = self.queues.setdefault(key, [])
        for _ in range(4 * len(self.pools[key]) + 4):
            if not q:
                q.extend(self.pools[key])
                self.rng.shuffle(q)
            item = q.pop()
            if item[1] not in avoid:
                return item
            q.insert(0, item)
        raise AssertionError(("cannot draw a distinct entity", key))


def fill(template, drawer):
    """One sentence from a template: (text, [(start_char, end_char, label)])."""
    chosen, names, text, spans, pos = {}, set(), "", [], 0
    for m in SLOT_RE.finditer(template):
        text += template[pos:m.start()]
        pos = m.end()
        if m.group(0) not in chosen:
            chosen[m.group(0)] = drawer.draw(pool_key(m), names)
            names.add(chosen[m.group(0)][1])
        article, name = chosen[m.group(0)]
        if article:
            assert not re.search(r"(^|\s)(a|an|the|A|An|The)\s$", text), ("article before a 'the' entity", template)
        elif re.search(r"(^|\s)[Aa]\s$", text) and needs_an(name):
            text = text[:-2] + text[-2] + "n "
        text += article
        spans.append((len(text), len(text) + len(name), m.group(1)))
        text += name
    text += template[pos:]
    text = text[0].upper() + text[1:]
    return text, spans


def annotations(text, spans):
    """Character spans -> make_data annotation tuples (entity string, label, occurrence)."""
    tokens = tokenize(text)
    anns = []
    for s, e, label in spans:
        surface = text[s:e]
        sub = tokenize(surface)
        start = len(tokenize(text[:s]))
        assert tokens[start:start + len(sub)] == sub, ("entity not on word boundaries", text, surface)
        anns.append((surface, label, find_all(tokens, sub).index(start)))
    return anns


def n_words(text):
    return sum(1 for t in tokenize(text) if re.match(r"\w", t))


def generate(pools, templates, rng, taken):
    drawer = Drawer(pools, rng)
    per_template = max(1, round(N_SENTENCES / len(templates)))
    data, template_of = [], []
    for ti, template in enumerate(templates):
        made = 0
        for _ in range(per_template * 6):
            if made == per_template:
                break
            text, spans = fill(template, drawer)
            if text in taken or not make_data.MIN_WORDS <= n_words(text) <= make_data.MAX_WORDS:
                continue
            taken.add(text)
            data.append((text, annotations(text, spans)))
            template_of.append(ti)
            made += 1
        assert made == per_template, ("template cannot make enough distinct sentences", template)
    order = list(range(len(data)))
    rng.shuffle(order)
    return [data[i] for i in order], [template_of[i] for i in order]


def seqs_of(records):
    return {tuple(r["tokenized_text"][s:e + 1]) for r in records for s, e, _ in r["ner"]}


def uncovered(records, seqs):
    """(record index, entity string) for each occurrence of a sequence in `seqs` outside every span
    (the same test as make_data.unannotated_mentions, indexed by first word so it runs fast)."""
    by_first = defaultdict(list)
    for seq in seqs:
        by_first[seq[0]].append(seq)
    out = []
    for i, r in enumerate(records):
        toks = r["tokenized_text"]
        covered = set()
        for s, e, _ in r["ner"]:
            covered.update(range(s, e + 1))
        for h, tok in enumerate(toks):
            for seq in by_first.get(tok, ()):
                if tuple(toks[h:h + len(seq)]) == seq and not all(j in covered for j in range(h, h + len(seq))):
                    out.append((i, " ".join(seq)))
    return sorted(set(out))


def contains(records, seqs):
    """(record index, string) for each occurrence of a sequence anywhere in the words."""
    return [(i, " ".join(seq)) for i, r in enumerate(records) for seq in seqs
            if find_all(r["tokenized_text"], list(seq))]


def forbidden_seqs():
    out = set()
    for item in FORBIDDEN_STRINGS.replace("\n", " ").split(";"):
        item = item.strip()
        if not item:
            continue
        if item.startswith("="):                      # exact case only
            out.add(tuple(tokenize(item[1:])))
            continue
        for v in {item, item[0].upper() + item[1:], item.lower()}:
            out.add(tuple(tokenize(v)))
    return out


def main():
    pools = parse_pools(POOLS_TEXT)
    templates = parse_templates(TEMPLATES_TEXT)

    # every slot names a pool; every pool is used
    used_pools = {pool_key(m) for t in templates for m in SLOT_RE.finditer(t)}
    assert used_pools <= set(pools), ("template slot without a pool", sorted(used_pools - set(pools)))
    assert set(pools) <= used_pools, ("pool never used", sorted(set(pools) - used_pools))
    # an entity string belongs to one label only (one string, one meaning, in this file)
    label_of = {}
    for key, items in pools.items():
        for _, name in items:
            label = key.split(":")[0]
            assert label_of.setdefault(name, label) == label, ("entity in two labels", name, label_of[name], label)

    train = build(TRAIN, "train")
    ev = build(EVAL_UNSEEN, "eval_unseen")
    taken = {t for t, _ in TRAIN} | {t for t, _ in EVAL_UNSEEN}
    data, template_of = generate(pools, templates, random.Random(0), taken)
    records = build(data, "varied_train")

    # sizes
    ent, sent, _, _ = stats(records)
    labels = set(ent)
    assert 4000 <= len(records) <= 6000, len(records)
    assert len(labels) >= MIN_TYPES, len(labels)
    thin = {l: c for l, c in sent.items() if c < MIN_SENTENCES}
    assert not thin, ("types in too few sentences", thin)
    strings, tmpl = defaultdict(set), defaultdict(set)
    for r, ti in zip(records, template_of):
        for s, e, l in r["ner"]:
            strings[l].add(" ".join(r["tokenized_text"][s:e + 1]).lower())
            tmpl[l].add(ti)
    few = {l: len(v) for l, v in strings.items() if len(v) < MIN_ENTITIES}
    assert not few, ("types with too few distinct entity strings", few)
    few = {l: len(v) for l, v in tmpl.items() if len(v) < MIN_TEMPLATES}
    assert not few, ("types in too few templates", few)
    train_labels = {l for r in train for _, _, l in r["ner"]}
    assert train_labels <= labels, ("train.json types missing", sorted(train_labels - labels))

    # held-out labels stay unseen
    assert not labels & set(HELD_OUT_LABELS), ("held-out label used", labels & set(HELD_OUT_LABELS))
    assert not labels & BANNED_LABELS, ("near-synonym of a held-out label used", labels & BANNED_LABELS)
    assert set(HELD_OUT_LABELS) <= BANNED_LABELS, set(HELD_OUT_LABELS) - BANNED_LABELS
    hits = contains(records, seqs_of(ev))
    assert not hits, ("eval_unseen.json entity string in varied_train.json", hits[:20])
    hits = contains(records, forbidden_seqs())
    assert not hits, ("instance of a held-out type in varied_train.json", hits[:20])
    texts = {" ".join(r["tokenized_text"]) for r in records}
    assert not texts & {" ".join(r["tokenized_text"]) for r in train + ev}, "sentence shared with another file"

    # consistent annotation across this file and train.json (both directions), then make_data's
    # own check on this file alone (slower; the same test)
    both = seqs_of(records) | seqs_of(train)
    allowed = {s for s, _ in make_data.ALLOWED_UNANNOTATED}   # reviewed adjective uses in train.json
    cross = [("varied_train", i, s) for i, s in uncovered(records, both)]
    cross += [("train", i, s) for i, s in uncovered(train, both) if s not in allowed]
    for f, i, s in cross:
        words = (records if f == "varied_train" else train)[i]["tokenized_text"]
        print(f"unannotated {s!r} in {f} record {i}: {' '.join(words)}", file=sys.stderr)
    assert not cross, f"{len(cross)} annotated entity strings left unannotated elsewhere"
    problems = unannotated_mentions(records)
    assert not problems, f"{len(problems)} unannotated mentions of annotated entity strings"

    write_json(records, os.path.join(HERE, "varied_train.json"))
    print_stats("varied_train.json", records)


if __name__ == "__main__":
    main()
