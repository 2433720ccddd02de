# Messages en français — la langue par défaut et de repli de mentorat.
# Chaque message existe aussi dans en.ftl (un test le vérifie).

## Gabarit commun
site-name = Cercles des Mentors
site-description = Le réseau de mentorat sociétal entre habitants d'un même territoire, en France et en Belgique.
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-circles = Les cercles
switch-language = English
footer-about = Cercles des Mentors — un réseau de mentorat sociétal en France et en Belgique. Chaque relation mentorale est singulière : ni charité, ni clientélisme.
back-home = Retour à l'accueil

## Accueil
home-title = Le mentorat entre habitants d'un même territoire
home-lead = Vous portez un projet qui vous tient à cœur ? Un mentor qui a l'expérience de ce domaine et vit près de chez vous peut vous aider à vous poser les bonnes questions et à prendre de meilleures décisions.
home-relation = Le mentorat est une relation singulière, d'une personne à une autre : il aide chacun à oser devenir l'entrepreneur de sa propre vie.
home-conference-title = La conférence « À la recherche du mentorat perdu »
home-conference-intro = Chaque Cercle des Mentors naît d'une conférence publique de deux heures, accueillie par une association locale. Elle répond à trois questions :
question-1 = Qu'est-ce que le mentorat ?
question-2 = Peut-on devenir mentor, ou sommes-nous mentors sans le savoir ?
question-3 = Comment apporter sa pierre à l'édifice ?
home-conference-buffet = La soirée se termine par un buffet convivial.
home-events-title = Prochains rendez-vous
home-events-empty = Aucun rendez-vous n'est annoncé pour l'instant. Revenez bientôt, ou découvrez le cercle le plus proche de chez vous.
home-circles-title = Les Cercles des Mentors
home-figures = Mentors engagés : { $mentors }.
home-target-mentors = Notre objectif : { $target } mentors.
home-figures-circles = Cercles actifs : { $circles }.
home-target-circles = Notre objectif : { $target } cercles.
home-all-circles = Voir tous les cercles

## Cercles
circles-title = Les Cercles des Mentors
circles-lead = Les mentors se retrouvent dans des cercles de ville. Chaque cercle naît d'une conférence, puis se réunit en éditions successives.
circles-empty = Aucun cercle n'est encore ouvert. Le premier naîtra d'une conférence : écrivez-nous pour en organiser une dans votre ville.
circle-title = Cercle des Mentors { $elide ->
    [yes] d'{ $name }
   *[no] de { $name }
}
circle-status-planned = En projet
circle-status-launching = En lancement
circle-status-active = Actif
circle-status-paused = En pause
circle-active-mentors = { $count ->
    [one] { $count } mentor actif
   *[other] { $count } mentors actifs
}
circle-inaugurated = — inauguré le { $date }
circle-figures-title = Le cercle en chiffres
circle-figure-mentors = { $count ->
    [one] mentor actif
   *[other] mentors actifs
}
circle-figure-projects = { $count ->
    [one] projet accompagné
   *[other] projets accompagnés
}
circle-figure-editions = { $count ->
    [one] édition
   *[other] éditions
}
circle-events-title = Prochains rendez-vous du cercle
circle-events-empty = Aucun rendez-vous n'est annoncé pour ce cercle pour l'instant.
circle-editions-title = Les éditions du cercle
edition-ordinal = { $number ->
    [1] 1re édition
   *[other] { $number }e édition
}
edition-new-mentors = { $count ->
    [one] { $count } nouveau mentor
   *[other] { $count } nouveaux mentors
}
circle-join-title = Rejoindre le cercle
circle-join-text = Venez à la prochaine conférence ou à la prochaine édition du cercle : c'est là que l'on devient mentor, et que l'on trouve un mentor pour son projet.

## Communes et carte
nav-communes = Ma commune
communes-title = Trouver ma commune
communes-lead = Cherchez votre commune par son nom ou son code postal pour savoir quel Cercle des Mentors est près de chez vous.
commune-field = Commune
commune-hint = Le début du nom ou le code postal, par exemple « Compiègne » ou « 60200 ».
commune-search = Chercher
commune-suggestions = { $count ->
    [0] Aucune commune trouvée.
    [one] Une commune trouvée. Utilisez les flèches pour la choisir.
   *[other] { $count } communes trouvées. Utilisez les flèches pour choisir.
}
communes-results = Communes pour « { $query } »
communes-none = Aucune commune ne correspond à « { $query } ». Vérifiez l'orthographe, ou essayez le code postal.
commune-covered-by = Couverte par le Cercle des Mentors { $elide ->
    [yes] d'{ $name }
   *[no] de { $name }
}
commune-no-circle = Pas encore de cercle ici. Un cercle naît d'une conférence : et si la prochaine avait lieu chez vous ?
country-fr = France
country-be = Belgique
circles-find-mine = Quel cercle est près de chez moi ?
map-title = Carte des Cercles des Mentors
map-alt = Carte de France des Cercles des Mentors. Chaque cercle y porte le numéro qu'il a dans la liste à côté de la carte.
map-caption = Les numéros de la carte renvoient à la liste des cercles.
map-credit = Fond de carte : svg-maps (CC BY 4.0). Communes : Etalab (Licence Ouverte 2.0), Statbel et GeoNames (CC BY 4.0).

## Événements
event-kind-conference = Conférence
event-kind-edition = Édition du cercle
event-kind-other = Rendez-vous
event-circle = Cercle des Mentors { $elide ->
    [yes] d'{ $name }
   *[no] de { $name }
}

## Compte
password-set-title = Choisir votre mot de passe
password-set-lead = Ce lien ne sert qu'une fois. Choisissez un mot de passe que vous n'utilisez nulle part ailleurs.
password-new = Nouveau mot de passe
password-rules = Au moins 12 caractères. Une phrase de plusieurs mots est idéale.
password-confirm = Confirmez le mot de passe
password-save = Enregistrer le mot de passe
password-set-done-title = Mot de passe enregistré
password-set-done-text = Votre mot de passe est enregistré. Vous pourrez vous connecter avec votre adresse e-mail.
password-link-expired-title = Ce lien n'est plus valable
password-link-expired-text = Le lien a déjà servi ou a expiré. Demandez un nouveau lien à l'équipe nationale.

## Messages d'erreur des formulaires
error-empty = Ce champ est obligatoire.
error-too-long = Ce texte est trop long.
error-invalid-email = Cette adresse e-mail n'est pas valide. Exemple : prenom.nom@exemple.fr
error-unknown-choice = Choisissez une des options proposées.
error-invalid-characters = Ce texte contient des caractères non autorisés.
error-account-exists = Un compte existe déjà avec cette adresse.
error-password-too-short = Le mot de passe doit compter au moins 12 caractères.
error-password-mismatch = Les deux mots de passe ne sont pas identiques.

## Pages d'erreur
error-400-title = Formulaire incomplet
error-400-text = Les informations envoyées sont incomplètes ou mal formées. Revenez en arrière, vérifiez le formulaire et réessayez.
error-404-title = Page introuvable
error-404-text = Cette page n'existe pas ou a été déplacée. Vérifiez l'adresse, ou repartez de l'accueil.
error-403-title = Accès refusé
error-403-text = Vous n'avez pas accès à cette page, ou le formulaire a expiré. Rechargez la page et réessayez.
error-413-title = Envoi trop volumineux
error-413-text = Les informations envoyées sont trop volumineuses. Raccourcissez-les et réessayez.
error-500-title = Une erreur est survenue
error-500-text = Nous n'avons pas pu afficher cette page. L'équipe a été prévenue ; réessayez dans quelques instants.

## Dates
date-long = { $day } { $month } { $year }
date-time = { $weekday } { $date } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
