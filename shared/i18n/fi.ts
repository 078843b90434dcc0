/** Finnish, the default language. The source catalog: every other catalog has exactly these keys. */
export const fi = {
  'group.defaultName': 'Ryhmä {n}',

  // ---- app frame
  'app.name': 'Pajaseinä',
  'app.pageTitle': '{page} – Pajaseinä',
  'app.homeLink': 'Pajaseinä – etusivulle',
  'app.skipToMain': 'Siirry sisältöön',
  'app.announcements': 'Ilmoitukset',
  'app.notFound.title': 'Sivua ei löytynyt',
  'app.notFound.body': 'Tarkista osoite tai palaa etusivulle.',
  'app.backHome': 'Etusivulle',
  'app.close': 'Sulje',
  'app.cancel': 'Peruuta',
  'app.save': 'Tallenna',

  'lang.label': 'Kieli',
  'lang.fi': 'Suomi',
  'lang.sv': 'Svenska',
  'lang.en': 'English',

  'role.facilitator': 'Ohjaaja',
  'role.participant': 'Osallistuja',
  'role.viewer': 'Katselija',

  // ---- home page
  'home.heading': 'Yhteinen seinä kehittämisen työpajoihin',
  'home.intro':
    'Pajaseinällä työpajan pienryhmät kirjoittavat ajatuksiaan lapuille. Kaikki näkevät toistensa laput heti, ja ohjaaja voi näyttää koko seinän yhteisessä keskustelussa. Asiakkaat, kokemusasiantuntijat ja ammattilaiset ovat seinällä tasavertaisina.',
  'home.createHeading': 'Luo uusi seinä',
  'home.createIntro': 'Luo seinä ohjaajana. Saat kolme linkkiä: yhden itsellesi, yhden osallistujille ja yhden pelkkään katseluun.',
  'home.titleLabel': 'Seinän nimi',
  'home.titleHint': 'Esimerkiksi työpajan aihe ja päivä. Nimi näkyy kaikille osallistujille.',
  'home.languageLabel': 'Seinän kieli',
  'home.templateLegend': 'Mistä aloitetaan?',
  'home.template.fourWorkshops': 'Neljän työpajan runko',
  'home.template.fourWorkshopsHint': 'Valmiit pienryhmät heti käyttöön. Sopii neljän työpajan prosessiin: nykytila, juurisyyt, uusi toimintatapa ja kokeilut.',
  'home.template.blank': 'Tyhjä seinä',
  'home.template.blankHint': 'Yksi ryhmä valmiina; lisäät muut ryhmät itse.',
  'home.submit': 'Luo seinä',
  'home.creating': 'Luodaan seinää…',
  'home.error.titleRequired': 'Kirjoita seinälle nimi.',
  'home.error.titleTooLong': 'Nimi on liian pitkä. Siinä voi olla enintään {max} merkkiä.',
  'home.error.network':
    'Seinän luominen ei onnistunut, koska yhteys palvelimeen ei toiminut. Tarkista verkkoyhteys ja yritä uudelleen.',
  'home.error.invalid': 'Palvelin ei hyväksynyt tietoja. Tarkista seinän nimi ja yritä uudelleen.',
  'home.error.rateLimited': 'Seiniä on luotu juuri nyt liian monta. Odota hetki ja yritä uudelleen.',
  'home.error.server': 'Palvelimella on häiriö. Yritä hetken kuluttua uudelleen.',
  'home.created.heading': 'Seinä on valmis: {title}',
  'home.created.intro':
    'Jaa linkit alla olevien ohjeiden mukaan. Kuka tahansa, jolla on linkki, pääsee seinälle, joten lähetä linkit vain työpajan osallistujille.',
  'home.openAsFacilitator': 'Avaa seinä ohjaajana',
  'home.privacy':
    'Seinälle ei kirjoiteta kenenkään henkilötunnusta, puhelinnumeroa tai hoitoon liittyviä tietoja. Kehittämiseen osallistuminen ei vaikuta kenenkään omaan hoitoon.',

  // ---- the three links
  'links.facilitator.title': 'Ohjaajan linkki',
  'links.facilitator.desc':
    'Vain sinulle ja muille ohjaajille. Tällä linkillä voi lisätä, nimetä, järjestää ja poistaa ryhmiä sekä muokata kaikkia lappuja.',
  'links.facilitator.copy': 'Kopioi ohjaajan linkki',
  'links.facilitator.copied': 'Ohjaajan linkki kopioitu.',
  'links.participant.title': 'Osallistujan linkki',
  'links.participant.desc':
    'Lähetä tämä osallistujille. He valitsevat nimen (tai osallistuvat nimettömänä) ja oman ryhmänsä ja kirjoittavat lappuja.',
  'links.participant.copy': 'Kopioi osallistujan linkki',
  'links.participant.copied': 'Osallistujan linkki kopioitu.',
  'links.viewer.title': 'Katselulinkki',
  'links.viewer.desc':
    'Tällä linkillä seinää voi vain katsoa, ei muokata. Sopii esimerkiksi yhteiseen näyttöön tai työpajan jälkeen luettavaksi.',
  'links.viewer.copy': 'Kopioi katselulinkki',
  'links.viewer.copied': 'Katselulinkki kopioitu.',
  'links.copiedShort': 'Kopioitu',
  'links.copyFailed': 'Kopiointi ei onnistunut. Valitse linkki ja kopioi se itse (Ctrl+C tai pitkä painallus).',

  // ---- walls remembered on this device
  'walls.heading': 'Seinäsi tällä laitteella',
  'walls.empty': 'Et ole vielä luonut tai avannut seiniä tällä laitteella. Avaamasi seinät näkyvät tässä.',
  'walls.forget': 'Poista listalta',
  'walls.forgotten': 'Seinä {title} poistettu listalta. Itse seinä säilyy.',
  'walls.forgetHint': 'Listalta poistaminen ei poista seinää, vain sen tiedot tältä laitteelta.',
  'walls.roleLine': 'Roolisi: {role}',
  'walls.lastOpened': 'Avattu viimeksi {date}',
  'walls.untitled': 'Nimetön seinä',

  // ---- opening a wall
  'wallPage.loading': 'Avataan seinää…',
  'wallPage.error.noToken.title': 'Linkistä puuttuu osa',
  'wallPage.error.noToken.body':
    'Seinän linkki on puutteellinen. Avaa koko linkki, jonka sait ohjaajalta, tai pyydä ohjaajalta uusi linkki.',
  'wallPage.error.unauthorized.title': 'Linkki ei kelpaa',
  'wallPage.error.unauthorized.body': 'Linkki on väärä tai se on vaihdettu. Pyydä ohjaajalta uusi linkki.',
  'wallPage.error.notFound.title': 'Seinää ei löytynyt',
  'wallPage.error.notFound.body': 'Seinä on ehkä poistettu tai linkissä on virhe. Tarkista linkki tai kysy ohjaajalta.',
  'wallPage.error.offline.title': 'Ei verkkoyhteyttä',
  'wallPage.error.offline.body':
    'Kun avaat seinän ensimmäistä kertaa tällä laitteella, tarvitaan verkkoyhteys. Tarkista yhteys ja yritä uudelleen.',
  'wallPage.error.server.title': 'Seinää ei saatu auki',
  'wallPage.error.server.body': 'Palvelimella on häiriö. Yritä hetken kuluttua uudelleen.',
  'wallPage.retry': 'Yritä uudelleen',

  // ---- join view
  'join.heading': 'Ennen kuin aloitat',
  'join.headingChange': 'Vaihda nimi tai ryhmä',
  'join.intro': 'Valitse, millä nimellä näyt muille ja missä pienryhmässä olet. Voit vaihtaa näitä myöhemmin.',
  'join.nameLegend': 'Nimesi',
  'join.nameLabel': 'Nimi, joka näkyy muille',
  'join.nameHint': 'Nimi näkyy lapuissasi kaikille. Etunimi tai nimimerkki riittää.',
  'join.anonymous': 'Osallistun nimettömänä',
  'join.anonymousHint': 'Lapuissasi ja osallistujalistassa lukee silloin "Nimetön".',
  'join.groupLegend': 'Ryhmäsi',
  'join.noGroup': 'Ei omaa ryhmää – seuraan kaikkia ryhmiä',
  'join.groupsLoading': 'Haetaan ryhmiä…',
  'join.noGroups': 'Seinällä ei ole vielä ryhmiä. Ohjaaja lisää ne pian – tämä sivu päivittyy itsestään.',
  'join.submit': 'Siirry seinälle',
  'join.error.name': 'Kirjoita nimesi tai valitse "Osallistun nimettömänä".',
  'join.error.group': 'Valitse ryhmä, jossa olet.',
  'join.privacy':
    'Muista: seinälle ei kirjoiteta kenenkään henkilötunnusta, puhelinnumeroa tai hoitoon liittyviä tietoja. Kaikki seinällä olevat näkevät kirjoituksesi.',

  // ---- wall view
  'wall.viewerNotice': 'Katselet seinää. Et voi muokata sitä.',
  'wall.toolbarLabel': 'Seinän toiminnot',
  'wall.groupsLabel': 'Ryhmät',
  'wall.jumpToForm': 'Kirjoita lappu omaan ryhmääsi',
  'wall.noGroups.facilitator': 'Seinällä ei ole vielä ryhmiä. Lisää ensimmäinen ryhmä yllä olevalla lomakkeella.',
  'wall.noGroups.other': 'Ohjaaja ei ole vielä lisännyt ryhmiä. Sivu päivittyy itsestään, kun ryhmiä tulee.',
  'wall.groupMissing': 'Ryhmäsi on poistettu. Valitse uusi ryhmä.',

  'profile.named': 'Olet {name}',
  'profile.anonymous': 'Olet nimetön',
  'profile.group': 'Ryhmä: {group}',
  'profile.noGroup': 'Ei omaa ryhmää',
  'profile.change': 'Vaihda nimi tai ryhmä',
  'profile.saved': 'Tiedot tallennettu.',

  'share.button': 'Jaa linkit',
  'share.heading': 'Seinän linkit',
  'share.unknown':
    'Osallistujan ja katselijan linkit näkyvät sillä laitteella, jolla seinä luotiin. Alla on vain tämän sivun oma linkki.',

  // ---- groups
  'group.own': 'Oma ryhmäsi',
  'group.noteCount.one': '{n} lappu',
  'group.noteCount.other': '{n} lappua',
  'group.empty.own': 'Ei vielä lappuja. Kirjoita ensimmäinen lappu alla olevaan kenttään.',
  'group.empty.other': 'Tässä ryhmässä ei ole vielä lappuja.',
  'group.empty.facilitator':
    'Ei vielä lappuja. Osallistujat valitsevat ryhmän liittyessään ja kirjoittavat tänne. Voit myös kirjoittaa itse.',
  'group.writeHereNamed': 'Kirjoita lappu ryhmään {name}',
  'group.manage': 'Muokkaa ryhmää',
  'group.manageNamed': 'Muokkaa ryhmää {name}',
  'group.renameLabel': 'Ryhmän nimi',
  'group.renameSave': 'Tallenna nimi',
  'group.moveEarlier': 'Siirrä aiemmaksi',
  'group.moveLater': 'Siirrä myöhemmäksi',
  'group.remove': 'Poista ryhmä',
  'group.keyboardHint': 'Vinkki: Alt + nuolinäppäin siirtää ryhmää, kun jokin tämän ryhmän painikkeista on valittuna.',
  'group.addHeading': 'Lisää ryhmä',
  'group.addLabel': 'Uuden ryhmän nimi',
  'group.add': 'Lisää ryhmä',
  'group.added': 'Ryhmä {name} lisätty.',
  'group.limit': 'Seinällä voi olla enintään {max} ryhmää.',
  'group.nameRequired': 'Kirjoita ryhmälle nimi.',
  'group.moved': 'Ryhmä {name} on nyt {position}/{total}.',
  'group.renamed': 'Ryhmän nimi on nyt {name}.',
  'group.removeConfirm.title': 'Poistetaanko ryhmä {name}?',
  'group.removeConfirm.empty': 'Ryhmässä ei ole lappuja.',
  'group.removeConfirm.notes.one': 'Ryhmän mukana poistuu {n} lappu.',
  'group.removeConfirm.notes.other': 'Ryhmän mukana poistuu {n} lappua.',
  'group.removeConfirm.undoHint': 'Voit kumota poiston heti sen jälkeen.',
  'group.removeConfirm.confirm': 'Poista ryhmä',
  'group.removed': 'Ryhmä {name} poistettu.',
  'group.restored': 'Ryhmä {name} palautettu.',
  'group.online.one': '{n} paikalla',
  'group.online.other': '{n} paikalla',

  // ---- notes
  'note.author': 'Kirjoittaja: {name}',
  'note.authorAnonymous': 'Kirjoittaja: nimetön',
  'note.edit': 'Muokkaa',
  'note.move': 'Siirrä',
  'note.delete': 'Poista',
  'note.editTextLabel': 'Lapun teksti',
  'note.colorLegend': 'Lapun väri',
  'note.saved': 'Lappu tallennettu.',
  'note.emptyError': 'Lappu ei voi olla tyhjä. Kirjoita tekstiä tai poista lappu.',
  'note.deleted': 'Lappu poistettu.',
  'note.restored': 'Lappu palautettu.',
  'note.moved': 'Lappu siirretty: {group}, kohta {position}/{total}.',
  'note.keysHint': 'Alt + nuolinäppäimet siirtävät lappua.',

  'color.yellow': 'Keltainen',
  'color.pink': 'Vaaleanpunainen',
  'color.blue': 'Sininen',
  'color.green': 'Vihreä',
  'color.orange': 'Oranssi',
  'color.purple': 'Violetti',

  'move.heading': 'Siirrä lappu',
  'move.up': 'Siirrä ylös',
  'move.down': 'Siirrä alas',
  'move.toGroupLabel': 'Siirrä ryhmään',
  'move.toGroupSubmit': 'Siirrä ryhmään',
  'move.hint':
    'Pikanäppäimet: kun lappu on valittuna, Alt + ylä- tai alanuoli siirtää sitä ryhmän sisällä ja Alt + vasen tai oikea nuoli viereiseen ryhmään.',

  // ---- add note
  'addNote.label': 'Uusi lappu ryhmään {group}',
  'addNote.hint': 'Ctrl + Enter lähettää lapun.',
  'addNote.counter': '{count}/{max} merkkiä',
  'addNote.tooLong': 'Teksti on {over} merkkiä liian pitkä. Lyhennä sitä tai jaa se kahdelle lapulle.',
  'addNote.colorLegend': 'Lapun väri',
  'addNote.submit': 'Lisää lappu',
  'addNote.empty': 'Kirjoita lappuun jotain ennen lähettämistä.',
  'addNote.failed': 'Lappua ei voitu lisätä: seinä on täynnä ({max} lappua) tai ryhmä on juuri poistettu.',
  'addNote.added': 'Lappu lisätty ryhmään {group}.',
  'addNote.close': 'Sulje lomake',

  // ---- connection status
  'status.label': 'Yhteyden tila',
  'status.online': 'Yhteys toimii. Muutokset näkyvät kaikille.',
  'status.onlineViewer': 'Yhteys toimii. Näet muutokset heti.',
  'status.syncing': 'Yhdistetään… Voit jo kirjoittaa.',
  'status.offline': 'Ei yhteyttä. Voit jatkaa: muutokset lähtevät, kun yhteys palaa.',
  'status.offlinePending.one': 'Ei yhteyttä. {n} muutos odottaa lähettämistä – se lähtee, kun yhteys palaa.',
  'status.offlinePending.other': 'Ei yhteyttä. {n} muutosta odottaa lähettämistä – ne lähtevät, kun yhteys palaa.',
  'status.refused.unauthorized':
    'Seinälle ei päästetty: linkki on väärä tai se on vaihdettu. Pyydä ohjaajalta uusi linkki ja avaa se.',
  'status.refused.notFound': 'Seinää ei enää ole: se on ehkä poistettu. Kysy ohjaajalta, missä työ jatkuu.',
  'status.problem.tooBig': 'Viimeisin muutos oli liian suuri lähetettäväksi. Lyhennä tekstiä ja yritä uudelleen.',
  'status.problem.server': 'Palvelimella on häiriö. Yritetään uudelleen hetken kuluttua…',
  'status.problem.malformed': 'Yhteys katkesi virheen vuoksi. Yritetään uudelleen…',
  'status.problem.busy': 'Palvelin on kuormittunut. Yritetään uudelleen hetken kuluttua…',
  'status.problem.goingAway': 'Palvelin käynnistyy uudelleen. Yhdistetään pian…',

  // ---- presence
  'presence.heading.one': 'Paikalla nyt: {n} henkilö',
  'presence.heading.other': 'Paikalla nyt: {n} henkilöä',
  'presence.anonymous': 'Nimetön',
  'presence.youNamed': '{name} (sinä)',
  'presence.youAnonymous': 'Nimetön (sinä)',
  'presence.noGroup': 'Ei ryhmää',
  'presence.inGroup': 'Paikalla ryhmässä {group}',

  // ---- toasts and dialogs
  'undo.button': 'Kumoa',
  'undo.dismiss': 'Sulje ilmoitus',
} as const;
