-- The sample data set of /work/shared/samples (see its README.md), transcribed
-- from the workbooks the way the import is to read them, until the import
-- exists: names as in the reference data (' ALINGSÅS KOMMUN ' is Alingsås),
-- kommunkod with its leading zero (180 is 0180) or found by name where missing,
-- a kind of kommun where the kind is empty, 'tjänst'/'nätverk' as service/network,
-- 'fysisk' as physical, 'värd'/'deltagare' as host/participant, 'övrig' as
-- ovrig, a bare year as 1 January (a start) or 31 December (an end), '75 %' as
-- 0.75, 'on track' as on_track. Each participation and attendance row belongs
-- to the membership row (Håbo has two) whose period contains its day.
-- The workbook has no date for the board's status of the manual goals: as an
-- import on any later day would (DESIGN "Precise readings: Dated board
-- input"), each counts from min(import day, due date), i.e. its due date.

INSERT INTO members (id, name, kind, code, org_number, county_code, population, group_name, joined_on, left_on, contact_name, contact_email) VALUES
    (1, 'Ale', 'kommun', '1440', '212000-1983', '14', 32576, NULL, DATE '2015-01-12', NULL, 'Kerstin Nilsson', 'kerstin.nilsson@ale.example.se'),
    (2, 'Alingsås', 'kommun', '1489', NULL, '14', 42722, NULL, DATE '2017-01-24', NULL, 'Anna Lindberg', 'anna.lindberg@alingsas.example.se'),
    (3, 'Arboga', 'kommun', '1984', '212000-2486', '19', 13980, NULL, DATE '2023-01-01', NULL, 'Malin Engström', 'malin.engstrom@arboga.example.se'),
    (4, 'Askersund', 'kommun', '1882', '212000-2346', '18', 11477, NULL, DATE '2022-02-01', NULL, 'Malin Berg', 'malin.berg@askersund.example.se'),
    (5, 'Boden', 'kommun', '2582', '212000-1371', '25', 28049, NULL, DATE '2008-12-01', NULL, 'Lena Karlsson', 'lena.karlsson@boden.example.se'),
    (6, 'Danderyd', 'kommun', '0162', '212000-1272', '01', 32425, NULL, DATE '2006-11-08', NULL, 'Malin Nilsson', 'malin.nilsson@danderyd.example.se'),
    (7, 'Eda', 'kommun', '1730', '212000-2163', '17', 8412, NULL, DATE '2019-10-01', NULL, 'Erik Lindberg', 'erik.lindberg@eda.example.se'),
    (8, 'Eksjö', 'kommun', '0686', '212000-2601', '06', 17792, NULL, DATE '2023-04-01', NULL, 'Maria Holm', 'maria.holm@eksjo.example.se'),
    (9, 'Gnesta', 'kommun', '0461', '212000-2510', '04', 11458, NULL, DATE '2023-01-01', NULL, 'Peter Holm', 'peter.holm@gnesta.example.se'),
    (10, 'Göteborg', 'kommun', '1480', '212000-1108', '14', 608993, NULL, DATE '2005-09-01', NULL, NULL, NULL),
    (11, 'Habo', 'kommun', '0643', NULL, '06', 13456, NULL, DATE '2024-05-30', NULL, 'Tobias Wallin', 'tobias.wallin@habo.example.se'),
    (12, 'Herrljunga', 'kommun', '1466', '212000-1280', '14', 9497, NULL, DATE '2007-06-18', NULL, NULL, NULL),
    (13, 'Hofors', 'kommun', '2104', '212000-2197', '21', 9281, NULL, DATE '2021-01-01', NULL, 'Maria Sandberg', 'maria.sandberg@hofors.example.se'),
    (14, 'Håbo', 'kommun', '0305', NULL, '03', 22973, NULL, DATE '2010-02-01', DATE '2019-12-31', 'Mikael Sandberg', 'mikael.sandberg@habo.example.se'),
    (15, 'Håbo', 'kommun', '0305', NULL, '03', 22973, NULL, DATE '2022-04-01', NULL, 'Ola Hansson', 'ola.hansson@habo.example.se'),
    (16, 'Hässleholm', 'kommun', '1293', '212000-2171', '12', 52114, NULL, DATE '2020-05-01', NULL, 'Sara Johansson', 'sara.johansson@hassleholm.example.se'),
    (17, 'Karlshamn', 'kommun', '1082', '212000-1777', '10', 31751, NULL, DATE '2012-01-01', NULL, NULL, NULL),
    (18, 'Karlstad', 'kommun', '1780', NULL, '17', 98084, NULL, DATE '2008-04-01', NULL, 'Mikael Ek', 'mikael.ek@karlstad.example.se'),
    (19, 'Kiruna', 'kommun', '2584', '212000-2288', '25', 22426, NULL, DATE '2021-03-01', NULL, 'Elin Larsson', 'elin.larsson@kiruna.example.se'),
    (20, 'Kungälv', 'kommun', '1482', '212000-1579', '14', 50313, NULL, DATE '2011-01-01', NULL, 'Cecilia Hansson', 'cecilia.hansson@kungalv.example.se'),
    (21, 'Mariestad', 'kommun', '1493', '212000-2072', '14', 24583, NULL, DATE '2018-01-25', NULL, 'Jonas Persson', 'jonas.persson@mariestad.example.se'),
    (22, 'Mora', 'kommun', '2062', '212000-1645', '20', 20540, 'Gemensam IT-nämnd Norra Dalarna', DATE '2011-01-01', NULL, 'Anna Lindberg', 'anna.lindberg@mora.example.se'),
    (23, 'Mullsjö', 'kommun', '0642', '212000-1439', '06', 7594, NULL, DATE '2009-11-22', NULL, 'Kerstin Pettersson', 'kerstin.pettersson@mullsjo.example.se'),
    (24, 'Nordanstig', 'kommun', '2132', '212000-1850', '21', 9262, NULL, DATE '2012-09-05', NULL, 'Ulrika Forsberg', 'ulrika.forsberg@nordanstig.example.se'),
    (25, 'Region Dalarna', 'region', '20', '232100-1816', '20', 286546, NULL, DATE '2012-04-01', NULL, 'Nils Gustafsson', 'nils.gustafsson@region-dalarna.example.se'),
    (26, 'Sollentuna', 'kommun', '0163', '212000-1090', '01', 77624, NULL, DATE '2005-06-01', DATE '2016-03-31', 'Jonas Öberg', 'jonas.oberg@sollentuna.example.se'),
    (27, 'Surahammar', 'kommun', '1907', '212000-1330', '19', 9845, NULL, DATE '2008-10-20', NULL, 'Elin Pettersson', 'elin.pettersson@surahammar.example.se'),
    (28, 'Sveriges Kommuner och Regioner', 'ovrig', NULL, '222000-0315', NULL, NULL, NULL, DATE '2013-06-01', NULL, 'Jenny Hansson', 'jenny.hansson@sveriges-kommuner-och-regioner.example.se'),
    (29, 'Timrå', 'kommun', '2262', '212000-1033', '22', 17521, NULL, DATE '2005-01-16', NULL, 'Ola Bengtsson', 'ola.bengtsson@timra.example.se'),
    (30, 'Tjörn', 'kommun', '1419', '212000-1165', '14', 16092, NULL, DATE '2006-03-26', NULL, 'Peter Gustafsson', 'peter.gustafsson@tjorn.example.se'),
    (31, 'Torsås', 'kommun', '0834', '212000-1975', '08', 6984, NULL, DATE '2014-07-31', NULL, 'Ingrid Sandberg', 'ingrid.sandberg@torsas.example.se'),
    (32, 'Ulricehamn', 'kommun', '1491', '212000-1454', '14', 24985, NULL, DATE '2010-02-01', NULL, 'Åsa Berg', 'asa.berg@ulricehamn.example.se'),
    (33, 'Vansbro', 'kommun', '2021', NULL, '20', 6752, 'Gemensam IT-nämnd Norra Dalarna', DATE '2011-01-01', NULL, 'Ulrika Hansson', 'ulrika.hansson@vansbro.example.se'),
    (34, 'Vellinge', 'kommun', '1233', '212000-1413', '12', 37816, NULL, DATE '2009-01-01', DATE '2022-01-01', 'Annika Svensson', 'annika.svensson@vellinge.example.se'),
    (35, 'Vetlanda', 'kommun', '0685', '212000-1959', '06', 27528, NULL, DATE '2013-03-01', NULL, 'Fredrik Ek', 'fredrik.ek@vetlanda.example.se'),
    (36, 'Vingåker', 'kommun', '0428', '212000-1223', '04', 8750, NULL, DATE '2006-05-01', DATE '2021-12-31', 'Mikael Pettersson', 'mikael.pettersson@vingaker.example.se'),
    (37, 'Vännäs', 'kommun', '2460', '212000-1314', '24', 9132, NULL, DATE '2007-10-01', DATE '2023-03-31', 'Emma Sjöberg', 'emma.sjoberg@vannas.example.se'),
    (38, 'Älvdalen', 'kommun', '2039', '212000-1686', '20', 6882, 'Gemensam IT-nämnd Norra Dalarna', DATE '2011-01-01', NULL, 'Peter Hedlund', 'peter.hedlund@alvdalen.example.se'),
    (39, 'Ängelholm', 'kommun', '1292', '212000-2007', '12', 45110, NULL, DATE '2016-07-01', NULL, 'Jonas Forsberg', 'jonas.forsberg@angelholm.example.se'),
    (40, 'Örkelljunga', 'kommun', '1257', '212000-1926', '12', 10277, NULL, DATE '2013-01-01', NULL, 'Anna Lindberg', 'anna.lindberg@orkelljunga.example.se'),
    (41, 'Österåker', 'kommun', '0117', '212000-1504', '01', 49787, NULL, DATE '2010-10-22', NULL, 'Jonas Bengtsson', 'jonas.bengtsson@osteraker.example.se');

INSERT INTO services (id, name, kind, area, started_on, ended_on) VALUES
    (1, 'FixaMinGata', 'service', 'samhällsbyggnad', DATE '2013-04-10', NULL),
    (2, 'Tjänstekollen', 'service', 'e-förvaltning', DATE '2014-09-01', DATE '2023-06-30'),
    (3, 'Bibblix', 'service', 'bibliotek', DATE '2016-06-01', NULL),
    (4, 'SS 12000', 'service', 'skola', DATE '2017-01-01', NULL),
    (5, 'Egil', 'service', 'skola', DATE '2019-01-01', NULL),
    (6, 'Bokatid', 'service', 'e-förvaltning', DATE '2020-03-01', NULL),
    (7, 'Digidel', 'network', 'digital inkludering', DATE '2013-01-01', NULL),
    (8, 'e-underskrifter', 'network', 'e-förvaltning', DATE '2016-01-01', NULL),
    (9, 'Skolans digitalisering', 'network', 'skola', DATE '2018-01-01', NULL),
    (10, 'Öppna data', 'network', 'öppna data', DATE '2020-01-01', NULL);

INSERT INTO participations (member_id, service_id, from_on, to_on) VALUES
    (34, 1, DATE '2014-03-01', DATE '2022-01-01'), -- Vellinge, FixaMinGata
    (1, 1, DATE '2015-01-12', NULL), -- Ale, FixaMinGata
    (17, 1, DATE '2015-06-01', NULL), -- Karlshamn, FixaMinGata
    (30, 1, DATE '2016-03-30', NULL), -- Tjörn, FixaMinGata
    (33, 1, DATE '2017-01-01', NULL), -- Vansbro, FixaMinGata
    (5, 1, DATE '2017-10-31', NULL), -- Boden, FixaMinGata
    (27, 1, DATE '2019-10-01', NULL), -- Surahammar, FixaMinGata
    (16, 1, DATE '2021-01-01', NULL), -- Hässleholm, FixaMinGata
    (40, 1, DATE '2023-10-20', NULL), -- Örkelljunga, FixaMinGata
    (31, 2, DATE '2015-03-01', NULL), -- Torsås, Tjänstekollen
    (30, 2, DATE '2016-01-01', DATE '2022-11-30'), -- Tjörn, Tjänstekollen
    (40, 2, DATE '2017-01-01', DATE '2023-06-30'), -- Örkelljunga, Tjänstekollen
    (29, 2, DATE '2018-05-13', DATE '2023-06-30'), -- Timrå, Tjänstekollen
    (30, 3, DATE '2017-01-01', DATE '2021-02-28'), -- Tjörn, Bibblix
    (10, 3, DATE '2017-02-01', NULL), -- Göteborg, Bibblix
    (6, 3, DATE '2017-12-20', NULL), -- Danderyd, Bibblix
    (35, 3, DATE '2018-06-01', NULL), -- Vetlanda, Bibblix
    (41, 3, DATE '2018-06-01', NULL), -- Österåker, Bibblix
    (2, 3, DATE '2018-08-01', NULL), -- Alingsås, Bibblix
    (33, 3, DATE '2019-01-01', NULL), -- Vansbro, Bibblix
    (36, 3, DATE '2019-01-01', DATE '2021-12-31'), -- Vingåker, Bibblix
    (27, 3, DATE '2019-05-01', NULL), -- Surahammar, Bibblix
    (1, 3, DATE '2019-11-01', NULL), -- Ale, Bibblix
    (31, 3, DATE '2020-01-01', NULL), -- Torsås, Bibblix
    (37, 3, DATE '2020-05-01', DATE '2023-03-31'), -- Vännäs, Bibblix
    (22, 3, DATE '2020-08-01', NULL), -- Mora, Bibblix
    (5, 3, DATE '2020-12-01', NULL), -- Boden, Bibblix
    (21, 3, DATE '2021-01-01', NULL), -- Mariestad, Bibblix
    (7, 3, DATE '2021-02-01', NULL), -- Eda, Bibblix
    (16, 3, DATE '2021-08-01', NULL), -- Hässleholm, Bibblix
    (29, 3, DATE '2021-09-01', NULL), -- Timrå, Bibblix
    (20, 3, DATE '2021-10-27', NULL), -- Kungälv, Bibblix
    (13, 3, DATE '2022-02-25', NULL), -- Hofors, Bibblix
    (12, 3, DATE '2022-03-14', NULL), -- Herrljunga, Bibblix
    (15, 3, DATE '2022-04-01', NULL), -- Håbo, Bibblix
    (32, 3, DATE '2022-07-09', NULL), -- Ulricehamn, Bibblix
    (18, 3, DATE '2022-12-01', NULL), -- Karlstad, Bibblix
    (24, 3, DATE '2023-01-01', NULL), -- Nordanstig, Bibblix
    (9, 3, DATE '2023-04-01', NULL), -- Gnesta, Bibblix
    (40, 3, DATE '2023-06-09', NULL), -- Örkelljunga, Bibblix
    (4, 3, DATE '2023-10-01', NULL), -- Askersund, Bibblix
    (41, 4, DATE '2018-05-11', NULL), -- Österåker, SS 12000
    (30, 4, DATE '2019-03-01', NULL), -- Tjörn, SS 12000
    (18, 4, DATE '2020-06-15', NULL), -- Karlstad, SS 12000
    (1, 4, DATE '2020-08-01', NULL), -- Ale, SS 12000
    (7, 4, DATE '2022-01-01', NULL), -- Eda, SS 12000
    (33, 4, DATE '2023-01-01', NULL), -- Vansbro, SS 12000
    (12, 4, DATE '2023-12-17', NULL), -- Herrljunga, SS 12000
    (38, 5, DATE '2019-03-16', NULL), -- Älvdalen, Egil
    (1, 5, DATE '2020-02-14', NULL), -- Ale, Egil
    (27, 5, DATE '2020-05-07', NULL), -- Surahammar, Egil
    (2, 5, DATE '2020-10-01', NULL), -- Alingsås, Egil
    (40, 5, DATE '2021-08-21', NULL), -- Örkelljunga, Egil
    (21, 5, DATE '2022-01-01', NULL), -- Mariestad, Egil
    (6, 5, DATE '2022-08-29', NULL), -- Danderyd, Egil
    (22, 5, DATE '2022-11-25', NULL), -- Mora, Egil
    (9, 5, DATE '2023-01-01', NULL), -- Gnesta, Egil
    (35, 5, DATE '2023-06-01', NULL), -- Vetlanda, Egil
    (41, 6, DATE '2020-08-01', NULL), -- Österåker, Bokatid
    (18, 6, DATE '2021-08-24', NULL), -- Karlstad, Bokatid
    (10, 6, DATE '2022-01-01', NULL), -- Göteborg, Bokatid
    (17, 6, DATE '2022-09-01', NULL), -- Karlshamn, Bokatid
    (33, 7, DATE '2013-02-27', NULL), -- Vansbro, Digidel
    (14, 7, DATE '2014-01-01', DATE '2019-12-31'), -- Håbo, Digidel
    (32, 7, DATE '2014-03-01', NULL), -- Ulricehamn, Digidel
    (37, 7, DATE '2015-01-01', DATE '2023-03-31'), -- Vännäs, Digidel
    (29, 7, DATE '2015-02-06', NULL), -- Timrå, Digidel
    (31, 7, DATE '2015-03-01', NULL), -- Torsås, Digidel
    (30, 7, DATE '2016-02-19', NULL), -- Tjörn, Digidel
    (25, 7, DATE '2016-09-01', NULL), -- Region Dalarna, Digidel
    (22, 7, DATE '2016-11-01', NULL), -- Mora, Digidel
    (1, 7, DATE '2017-12-01', NULL), -- Ale, Digidel
    (40, 7, DATE '2019-08-22', NULL), -- Örkelljunga, Digidel
    (9, 7, DATE '2023-01-01', NULL), -- Gnesta, Digidel
    (19, 7, DATE '2023-03-01', NULL), -- Kiruna, Digidel
    (12, 8, DATE '2016-01-01', NULL), -- Herrljunga, e-underskrifter
    (29, 8, DATE '2016-08-23', NULL), -- Timrå, e-underskrifter
    (32, 8, DATE '2019-11-27', NULL), -- Ulricehamn, e-underskrifter
    (41, 8, DATE '2021-03-21', NULL), -- Österåker, e-underskrifter
    (30, 8, DATE '2021-04-01', NULL), -- Tjörn, e-underskrifter
    (31, 8, DATE '2023-01-01', NULL), -- Torsås, e-underskrifter
    (40, 9, DATE '2019-01-01', NULL), -- Örkelljunga, Skolans digitalisering
    (16, 9, DATE '2020-05-01', NULL), -- Hässleholm, Skolans digitalisering
    (38, 9, DATE '2020-11-01', DATE '2022-12-31'), -- Älvdalen, Skolans digitalisering
    (13, 9, DATE '2021-01-01', NULL), -- Hofors, Skolans digitalisering
    (24, 9, DATE '2021-04-16', NULL), -- Nordanstig, Skolans digitalisering
    (5, 10, DATE '2020-01-01', NULL), -- Boden, Öppna data
    (23, 10, DATE '2021-01-01', NULL), -- Mullsjö, Öppna data
    (4, 10, DATE '2022-02-01', NULL), -- Askersund, Öppna data
    (27, 10, DATE '2023-12-14', NULL); -- Surahammar, Öppna data

INSERT INTO events (id, name, held_on, format, role) VALUES
    (1, 'Sambrukdagarna 2021', DATE '2021-05-18', 'digital', 'host'),
    (2, 'Vårwebbinarium 2022', DATE '2022-02-09', 'digital', 'host'),
    (3, 'Årsmöte 2022', DATE '2022-05-04', 'physical', 'host'),
    (4, 'Sambrukdagarna 2022', DATE '2022-10-11', 'hybrid', 'host'),
    (5, 'Digitaliseringsdagarna 2023', DATE '2023-05-10', 'physical', 'participant'),
    (6, 'Årsmöte 2023', DATE '2023-05-24', 'hybrid', 'host'),
    (7, 'Höstwebbinarium 2023', DATE '2023-11-08', 'digital', 'host');

INSERT INTO attendance (event_id, member_id, attendees) VALUES
    (1, 10, 1), -- Sambrukdagarna 2021, Göteborg
    (1, 36, 6), -- Sambrukdagarna 2021, Vingåker
    (1, 6, 2), -- Sambrukdagarna 2021, Danderyd
    (1, 27, 2), -- Sambrukdagarna 2021, Surahammar
    (1, 32, 3), -- Sambrukdagarna 2021, Ulricehamn
    (1, 35, 3), -- Sambrukdagarna 2021, Vetlanda
    (1, 1, 4), -- Sambrukdagarna 2021, Ale
    (1, 7, 6), -- Sambrukdagarna 2021, Eda
    (3, 6, 1), -- Årsmöte 2022, Danderyd
    (3, 12, 1), -- Årsmöte 2022, Herrljunga
    (3, 5, 1), -- Årsmöte 2022, Boden
    (3, 38, 2), -- Årsmöte 2022, Älvdalen
    (3, 24, 4), -- Årsmöte 2022, Nordanstig
    (3, 28, 4), -- Årsmöte 2022, Sveriges Kommuner och Regioner
    (3, 31, 1), -- Årsmöte 2022, Torsås
    (3, 7, 1), -- Årsmöte 2022, Eda
    (3, 16, 4), -- Årsmöte 2022, Hässleholm
    (3, 15, 2), -- Årsmöte 2022, Håbo
    (4, 29, 3), -- Sambrukdagarna 2022, Timrå
    (4, 18, 2), -- Sambrukdagarna 2022, Karlstad
    (4, 5, 6), -- Sambrukdagarna 2022, Boden
    (4, 23, 2), -- Sambrukdagarna 2022, Mullsjö
    (4, 32, 6), -- Sambrukdagarna 2022, Ulricehamn
    (4, 41, 1), -- Sambrukdagarna 2022, Österåker
    (4, 20, 2), -- Sambrukdagarna 2022, Kungälv
    (4, 22, 1), -- Sambrukdagarna 2022, Mora
    (4, 33, 1), -- Sambrukdagarna 2022, Vansbro
    (4, 2, 2), -- Sambrukdagarna 2022, Alingsås
    (4, 7, 6), -- Sambrukdagarna 2022, Eda
    (4, 4, 1), -- Sambrukdagarna 2022, Askersund
    (5, 22, 2), -- Digitaliseringsdagarna 2023, Mora
    (5, 19, 2), -- Digitaliseringsdagarna 2023, Kiruna
    (5, 9, 1), -- Digitaliseringsdagarna 2023, Gnesta
    (6, 12, 6), -- Årsmöte 2023, Herrljunga
    (6, 5, 1), -- Årsmöte 2023, Boden
    (6, 40, 1), -- Årsmöte 2023, Örkelljunga
    (6, 31, 1), -- Årsmöte 2023, Torsås
    (6, 16, 3), -- Årsmöte 2023, Hässleholm
    (6, 13, 2), -- Årsmöte 2023, Hofors
    (6, 4, 1), -- Årsmöte 2023, Askersund
    (6, 3, 6), -- Årsmöte 2023, Arboga
    (6, 9, 1); -- Årsmöte 2023, Gnesta

INSERT INTO goals (year, number, key, area, text, metric, params, comparator, target, upper_target, due_on) VALUES
    (2022, 1, 'medlemmar', 'Medlemmar', '35 medlemmar', 'members', '', '>=', 35, NULL, NULL),
    (2022, 2, 'en-tjanst-till', 'Tjänster', 'Varje medlemskommun som använder en tjänst använder ytterligare en', 'one_service_upgraded', '', '=', 1, NULL, NULL),
    (2022, 4, 'oengagerade-aktiveras', 'Tjänster', 'Medlemskommuner utan tjänst börjar använda en, eller går med i ett nätverk', 'unengaged_activated', '', '=', 1, NULL, NULL),
    (2022, 5, 'tjanst-tre-fjardedelar', 'Tjänster', 'En digital tjänst används av mer än tre fjärdedelar av alla medlemmar (senast 2023)', 'top_service_share', '', '>', 0.75, NULL, DATE '2023-12-31'),
    (2022, 7, 'natverk-erfarenhetsutbyte', 'Nätverk', 'Tydliga nätverk för erfarenhetsutbyte kring tjänsterna', 'manual', '', NULL, NULL, NULL, NULL),
    (2022, 8, 'kompetensnatverk', 'Nätverk', '2 kompetensnätverk med minst 5 kommuner vardera', 'networks_min_participants', 'n=5', '>=', 2, NULL, NULL),
    (2022, 9, 'digitala-konferenser', 'Nätverk', 'Delta i eller arrangera 1–2 digitala konferenser per år', 'digital_conferences', '', '>=', 1, NULL, NULL),
    (2022, 10, 'inga-forlorade-medlemmar', 'Medlemmar', 'Ingen medlem lämnar föreningen under 2022', 'members_lost', '', '=', 0, NULL, NULL),
    (2023, 1, 'medlemmar', 'Medlemmar', '35 medlemmar', 'members', '', '>=', 35, NULL, NULL),
    (2023, 2, 'en-tjanst-till', 'Tjänster', 'Varje medlemskommun som använder en tjänst använder ytterligare en', 'one_service_upgraded', '', '=', 1, NULL, NULL),
    (2023, 4, 'oengagerade-aktiveras', 'Tjänster', 'Medlemskommuner utan tjänst börjar använda en, eller går med i ett nätverk', 'unengaged_activated', '', '=', 1, NULL, NULL),
    (2023, 5, 'tjanst-tre-fjardedelar', 'Tjänster', 'En digital tjänst används av mer än tre fjärdedelar av alla medlemmar (senast 2023)', 'top_service_share', '', '>', 0.75, NULL, DATE '2023-12-31'),
    (2023, 7, 'natverk-erfarenhetsutbyte', 'Nätverk', 'Tydliga nätverk för erfarenhetsutbyte kring tjänsterna', 'manual', '', NULL, NULL, NULL, NULL),
    (2023, 8, 'kompetensnatverk', 'Nätverk', '3 kompetensnätverk med minst 5 kommuner vardera', 'networks_min_participants', 'n=5', '>=', 3, NULL, NULL),
    (2023, 9, 'digitala-konferenser', 'Nätverk', 'Delta i eller arrangera 1–2 digitala konferenser per år', 'digital_conferences', '', '>=', 1, NULL, NULL),
    (2023, 10, 'inga-forlorade-medlemmar', 'Medlemmar', 'Ingen medlem lämnar föreningen under 2023', 'members_lost', '', '=', 0, NULL, NULL);

-- The manual goals' statuses, undated in the workbook: from the due date on.
INSERT INTO goal_statuses (goal_id, set_on, status, comment)
SELECT goals.id, coalesce(due_on, make_date(year, 12, 31)), input.status, input.comment FROM goals JOIN (VALUES
    (2022, 'natverk-erfarenhetsutbyte', 'on_track', 'Nätverken samlas två gånger per år.'),
    (2023, 'natverk-erfarenhetsutbyte', 'at_risk', 'Nätverket för Egil har pausats.')
) AS input (y, k, status, comment) ON goals.year = input.y AND goals.key = input.k;

INSERT INTO fee_bands (year, category, population_from, population_to, contribution, annual_fee) VALUES
    (2020, 'kommun', 0, 7000, 5000, 5000),
    (2020, 'kommun', 7000, 15000, 5000, 10000),
    (2020, 'kommun', 15000, 25000, 10000, 25000),
    (2020, 'kommun', 25000, 50000, 10000, 35000),
    (2020, 'kommun', 50000, 100000, 10000, 50000),
    (2020, 'kommun', 100000, 150000, 20000, 65000),
    (2020, 'kommun', 150000, NULL, 25000, 80000),
    (2020, 'ovrig', 0, NULL, 5000, 25000),
    (2021, 'kommun', 0, 7000, 5000, 5000),
    (2021, 'kommun', 7000, 15000, 5000, 10000),
    (2021, 'kommun', 15000, 25000, 10000, 25000),
    (2021, 'kommun', 25000, 50000, 10000, 35000),
    (2021, 'kommun', 50000, 100000, 10000, 50000),
    (2021, 'kommun', 100000, 150000, 20000, 65000),
    (2021, 'kommun', 150000, NULL, 25000, 80000),
    (2021, 'ovrig', 0, NULL, 5000, 25000),
    (2022, 'kommun', 0, 7000, 5000, 5000),
    (2022, 'kommun', 7000, 15000, 5000, 10000),
    (2022, 'kommun', 15000, 25000, 10000, 25000),
    (2022, 'kommun', 25000, 50000, 10000, 35000),
    (2022, 'kommun', 50000, 100000, 10000, 50000),
    (2022, 'kommun', 100000, 150000, 20000, 65000),
    (2022, 'kommun', 150000, NULL, 25000, 80000),
    (2022, 'ovrig', 0, NULL, 5000, 25000),
    (2023, 'kommun', 0, 7000, 5000, 5000),
    (2023, 'kommun', 7000, 15000, 5000, 10000),
    (2023, 'kommun', 15000, 25000, 10000, 25000),
    (2023, 'kommun', 25000, 50000, 10000, 35000),
    (2023, 'kommun', 50000, 100000, 10000, 50000),
    (2023, 'kommun', 100000, 150000, 20000, 65000),
    (2023, 'kommun', 150000, NULL, 25000, 80000),
    (2023, 'ovrig', 0, NULL, 5000, 25000),
    (2024, 'kommun', 0, 7000, 5000, 5000),
    (2024, 'kommun', 7000, 15000, 5000, 10000),
    (2024, 'kommun', 15000, 25000, 10000, 25000),
    (2024, 'kommun', 25000, 50000, 10000, 35000),
    (2024, 'kommun', 50000, 100000, 10000, 50000),
    (2024, 'kommun', 100000, 150000, 20000, 65000),
    (2024, 'kommun', 150000, NULL, 25000, 80000),
    (2024, 'ovrig', 0, NULL, 5000, 25000),
    (2025, 'kommun', 0, 7000, 5000, 5000),
    (2025, 'kommun', 7000, 15000, 5000, 10000),
    (2025, 'kommun', 15000, 25000, 10000, 25000),
    (2025, 'kommun', 25000, 50000, 10000, 35000),
    (2025, 'kommun', 50000, 100000, 10000, 50000),
    (2025, 'kommun', 100000, 150000, 20000, 65000),
    (2025, 'kommun', 150000, NULL, 25000, 80000),
    (2025, 'ovrig', 0, NULL, 5000, 25000);
