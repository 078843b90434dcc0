/**
 * The starting content of the four-workshop template and of a blank wall. Plain words: the
 * people answering include clients and their relatives, not only professionals.
 */
import { featureCatalog } from '../feature';

export const templateMessages = featureCatalog({
  fi: {
    'template.blank.workshop': 'Työpaja',
    'template.blank.task': 'Tehtävä',
    'template.blank.instructions': 'Kirjoita ajatuksesi lapuille, yksi ajatus lappua kohden.',

    'template.w1.title': '1. Nykytila asiakkaan arjen kautta',
    'template.w1.t1.title': 'Asiakkaan polku',
    'template.w1.t1.instructions':
      'Mitä asiakkaalle tapahtuu palvelun eri vaiheissa? Kirjoita yksi vaihe tai kokemus yhdelle lapulle. Omat kokemukset ovat yhtä tärkeitä kuin työntekijän tieto.',
    'template.w1.t2.title': 'Missä kohdin palvelu ei toimi?',
    'template.w1.t2.instructions':
      'Missä vaiheessa asiat jumittavat, viivästyvät tai jäävät kesken? Kirjoita yksi ongelma lappua kohden. Valitkaa lopuksi tärkeimmät, joita jatketaan seuraavassa pajassa.',

    'template.w2.title': '2. Juurisyyt',
    'template.w2.t1.title': 'Miksi ongelmat syntyvät?',
    'template.w2.t1.instructions':
      'Ottakaa yksi valittu ongelma kerrallaan ja kysykää: miksi näin käy? Kirjoittakaa jokainen syy omalle lapulleen.',
    'template.w2.t2.title': 'Mihin syihin tartutaan ensin?',
    'template.w2.t2.instructions':
      'Äänestäkää syitä, joihin voimme itse vaikuttaa ja joilla on asiakkaalle suurin merkitys. Valitkaa tärkeimmät jatkoon.',

    'template.w3.title': '3. Uusi toimintatapa',
    'template.w3.t1.title': 'Tavoitteet',
    'template.w3.t1.instructions': 'Mitä haluamme saada aikaan asiakkaan kannalta? Mistä huomaamme, että asiat ovat paremmin?',
    'template.w3.t2.title': 'Asiakaslupaus',
    'template.w3.t2.instructions': 'Mitä lupaamme asiakkaalle? Kirjoittakaa lupaus niin, että asiakas itse voisi sanoa sen.',
    'template.w3.t3.title': 'Ihanteellinen palvelu vaihe vaiheelta',
    'template.w3.t3.instructions': 'Miten palvelu etenee, kun se toimii hyvin? Yksi vaihe lappua kohden, oikeassa järjestyksessä.',

    'template.w4.title': '4. Kokeilut',
    'template.w4.t1.title': 'Mitä kokeilemme?',
    'template.w4.t1.instructions':
      'Tehkää jokaisesta kokeilusta kortti: kuka vastaa, milloin aloitetaan, mitä mitataan, mikä on lähtötaso ja tavoite. Kirjatkaa tulos, kun se on mitattu.',
  },
  sv: {
    'template.blank.workshop': 'Workshop',
    'template.blank.task': 'Uppgift',
    'template.blank.instructions': 'Skriv dina tankar på lappar, en tanke per lapp.',

    'template.w1.title': '1. Nuläget genom klientens vardag',
    'template.w1.t1.title': 'Klientens väg',
    'template.w1.t1.instructions':
      'Vad händer med klienten i tjänstens olika skeden? Skriv ett skede eller en upplevelse per lapp. Egna erfarenheter är lika viktiga som personalens kunskap.',
    'template.w1.t2.title': 'Var fungerar tjänsten inte?',
    'template.w1.t2.instructions':
      'I vilket skede fastnar saker, blir försenade eller blir ogjorda? Skriv ett problem per lapp. Välj till slut de viktigaste att fortsätta med i nästa workshop.',

    'template.w2.title': '2. Grundorsaker',
    'template.w2.t1.title': 'Varför uppstår problemen?',
    'template.w2.t1.instructions':
      'Ta ett valt problem i taget och fråga: varför händer det här? Skriv varje orsak på en egen lapp.',
    'template.w2.t2.title': 'Vilka orsaker tar vi itu med först?',
    'template.w2.t2.instructions':
      'Rösta på orsaker som vi själva kan påverka och som betyder mest för klienten. Välj de viktigaste att gå vidare med.',

    'template.w3.title': '3. Ett nytt arbetssätt',
    'template.w3.t1.title': 'Mål',
    'template.w3.t1.instructions': 'Vad vill vi uppnå för klienten? Hur märker vi att saker är bättre?',
    'template.w3.t2.title': 'Löfte till klienten',
    'template.w3.t2.instructions': 'Vad lovar vi klienten? Skriv löftet så att klienten själv kunde säga det.',
    'template.w3.t3.title': 'Den ideala tjänsten steg för steg',
    'template.w3.t3.instructions': 'Hur går tjänsten till när den fungerar bra? Ett steg per lapp, i rätt ordning.',

    'template.w4.title': '4. Försök',
    'template.w4.t1.title': 'Vad prövar vi?',
    'template.w4.t1.instructions':
      'Gör ett kort för varje försök: vem ansvarar, när börjar det, vad mäts, vad är utgångsläget och målet. Skriv in resultatet när det är mätt.',
  },
  en: {
    'template.blank.workshop': 'Workshop',
    'template.blank.task': 'Task',
    'template.blank.instructions': 'Write your thoughts on notes, one thought per note.',

    'template.w1.title': "1. The current state through the client's everyday life",
    'template.w1.t1.title': "The client's path",
    'template.w1.t1.instructions':
      "What happens to the client at each step of the service? Write one step or experience per note. Your own experience matters as much as a worker's knowledge.",
    'template.w1.t2.title': 'Where does the service not work?',
    'template.w1.t2.instructions':
      'Where do things get stuck, delayed or left unfinished? Write one problem per note. At the end, choose the most important ones to carry on to the next workshop.',

    'template.w2.title': '2. Root causes',
    'template.w2.t1.title': 'Why do the problems arise?',
    'template.w2.t1.instructions': 'Take one chosen problem at a time and ask: why does this happen? Write each cause on a note of its own.',
    'template.w2.t2.title': 'Which causes do we tackle first?',
    'template.w2.t2.instructions':
      'Vote for causes that we can change ourselves and that matter most to the client. Choose the most important ones to carry on.',

    'template.w3.title': '3. The new way of working',
    'template.w3.t1.title': 'Goals',
    'template.w3.t1.instructions': 'What do we want to achieve for the client? How will we notice that things are better?',
    'template.w3.t2.title': 'Our promise to the client',
    'template.w3.t2.instructions': 'What do we promise the client? Write the promise so that the client could say it in their own words.',
    'template.w3.t3.title': 'The ideal service step by step',
    'template.w3.t3.instructions': 'How does the service go when it works well? One step per note, in order.',

    'template.w4.title': '4. Experiments',
    'template.w4.t1.title': 'What will we try?',
    'template.w4.t1.instructions':
      'Make a card for each experiment: who is responsible, when it starts, what is measured, the baseline and the target. Record the result once it has been measured.',
  },
});
