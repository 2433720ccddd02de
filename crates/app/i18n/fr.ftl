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
cta-mentor = Devenir mentor
cta-mentee = Trouver un mentor pour mon projet
cta-circle = Créer un cercle dans ma ville
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
circles-list-title = La liste des cercles
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

## Comptes
nav-sign-in = Se connecter
nav-sign-up = Créer un compte
nav-account = Mon compte
nav-sign-out = Se déconnecter
sign-up-title = Créer un compte
sign-up-lead = Un compte vous permet de proposer votre aide comme mentor ou de présenter votre projet. Nous vous enverrons un e-mail pour confirmer votre adresse.
first-name = Prénom
last-name = Nom
last-name-hint = Facultatif. Les autres membres ne voient que l'initiale de votre nom.
email-field = Adresse e-mail
email-hint = Par exemple : prenom.nom@exemple.fr
password-field = Mot de passe
current-password = Mot de passe actuel
sign-up-submit = Créer mon compte
sign-up-sent-title = Vérifiez votre messagerie
sign-up-sent-text = Si l'adresse est valide, un e-mail vient de vous être envoyé. Ouvrez le lien qu'il contient pour confirmer votre adresse, puis connectez-vous. Pensez à regarder dans les indésirables.
already-account = Vous avez déjà un compte ?
no-account = Pas encore de compte ?
sign-in-title = Se connecter
sign-in-submit = Se connecter
forgot-password-link = Mot de passe oublié ?
signed-in-notice = Connexion réussie.
signed-out-notice = Déconnexion effectuée. À bientôt !
verified-title = Adresse confirmée
verified-text = Merci, votre adresse e-mail est confirmée. Vous pouvez maintenant vous connecter.
verify-link-invalid-title = Ce lien n'est plus valable
verify-link-invalid-text = Le lien a déjà servi ou a expiré. Connectez-vous avec votre adresse : si elle n'est pas encore confirmée, nous vous enverrons un nouveau lien.
forgot-title = Mot de passe oublié
forgot-lead = Indiquez l'adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.
forgot-submit = Recevoir le lien
forgot-sent-title = Vérifiez votre messagerie
forgot-sent-text = Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure.
reset-title = Choisir un nouveau mot de passe
reset-done-title = Mot de passe changé
reset-done-text = Votre nouveau mot de passe est enregistré et toutes vos sessions ont été fermées. Connectez-vous avec votre nouveau mot de passe.
account-title = Mon compte
account-lead = Votre adresse, votre mot de passe et vos données.
account-identity = Compte de { $name } ({ $email }).
account-roles = Vos rôles
role-national_team = Équipe nationale
role-coordinator = Coordination de cercle
role-partner = Association partenaire
role-mentor = Mentor
role-mentee = Porteur de projet
account-no-role = Aucun rôle pour l'instant. Vous pourrez proposer votre aide comme mentor ou présenter un projet.
change-password-title = Changer de mot de passe
change-password-submit = Changer le mot de passe
change-password-done = Votre mot de passe est changé. Par sécurité, toutes vos sessions ont été fermées : connectez-vous avec le nouveau mot de passe.
change-email-title = Changer d'adresse e-mail
new-email = Nouvelle adresse e-mail
change-email-submit = Changer d'adresse
change-email-sent = Nous avons envoyé un lien à la nouvelle adresse. Votre adresse changera quand vous l'ouvrirez.
email-confirmed-title = Nouvelle adresse confirmée
email-confirmed-text = Votre nouvelle adresse e-mail est enregistrée.
delete-title = Supprimer mon compte
delete-lead = Vous pouvez demander la suppression de votre compte et de vos données. L'équipe nationale la réalise sous un mois, comme le prévoit le RGPD. Votre session prendra fin aussitôt.
delete-submit = Demander la suppression
delete-confirm = Voulez-vous vraiment demander la suppression de votre compte ?
delete-done-title = Demande enregistrée
delete-done-text = Votre demande de suppression est enregistrée et votre session est terminée. Vous recevrez une confirmation par e-mail.
sign-in-required = Connectez-vous pour accéder à cette page.
too-many-title = Trop de tentatives
too-many-text = Par sécurité, cette action est momentanément bloquée. Attendez une minute avant de réessayer.
error-sign-in = Adresse e-mail ou mot de passe incorrect.
error-not-verified = Votre adresse n'est pas encore confirmée. Nous venons de vous renvoyer un lien par e-mail.
error-current-password = Le mot de passe actuel n'est pas le bon.
error-password-too-long = Le mot de passe est trop long (1 024 caractères au plus).
error-password-common = Ce mot de passe est trop facile à deviner. Choisissez plutôt une phrase de quelques mots qui n'ont rien à voir entre eux.
error-password-email = Le mot de passe ne doit pas contenir votre adresse e-mail.

## Administration
admin-audit-title = Journal d'audit
admin-audit-lead = Qui a fait quoi, et quand : connexions, échecs de connexion, changements de rôles, exports et consultations des dossiers des porteurs de projet.
admin-outbox-title = Courriels
admin-outbox-lead = Les e-mails envoyés ou en attente. Sans serveur SMTP configuré, ils restent ici et ne partent pas.
audit-action = Action
audit-any = Toutes
audit-since = Depuis le
audit-until = Jusqu'au
audit-filter = Filtrer
audit-at = Date
audit-actor = Par
audit-subject = Dossier
audit-detail = Détail
audit-empty = Aucune entrée ne correspond à ces filtres.
audit-export-hint = Les 50 000 lignes les plus récentes qui répondent aux filtres ; resserrez les dates pour les autres.
audit-count-more = Plus de { $count } entrées : précisez les filtres (dates, action, personne) pour les parcourir.
audit-count = { $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
action-sign_in = Connexion
action-sign_in_failed = Échec de connexion
action-sign_up = Création de compte
action-email_verified = Adresse confirmée
action-password_reset = Mot de passe réinitialisé
action-password_changed = Mot de passe changé
action-email_changed = Adresse changée
action-deletion_requested = Suppression demandée
action-role_granted = Rôle accordé
action-role_revoked = Rôle retiré
action-export = Export
action-mentee_viewed = Dossier consulté
outbox-to = Destinataire
outbox-subject = Objet
outbox-status = État
outbox-created = Créé le
outbox-sent = Envoyé
outbox-waiting = En attente
outbox-failed = Échec
outbox-empty = Aucun e-mail pour l'instant.
outbox-smtp-off = Aucun serveur SMTP n'est configuré (MENTORAT_SMTP_URL) : les e-mails restent ici.
pagination-label = Pagination
pagination-previous = Page précédente
pagination-next = Page suivante
pagination-status = Page { $page } sur { $pages }
nav-admin-audit = Journal
nav-admin-outbox = Courriels

## E-mails
email-greeting = Bonjour,
email-greeting-name = Bonjour { $name },
email-signature = L'équipe des Cercles des Mentors
email-footer = Vous recevez ce message à la suite d'une action sur { $site }. Si vous n'en êtes pas à l'origine, ignorez-le.
email-link-hint = Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :
email-verify-subject = Confirmez votre adresse e-mail
email-verify-p1 = Bienvenue dans le réseau des Cercles des Mentors ! Pour activer votre compte, confirmez votre adresse e-mail.
email-verify-p2 = Ce lien est valable trois jours.
email-verify-action = Confirmer mon adresse
email-exists-subject = Une inscription avec votre adresse
email-exists-p1 = Quelqu'un, peut-être vous, a voulu créer un compte avec cette adresse. Or un compte existe déjà.
email-exists-p2 = Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau. Sinon, ignorez ce message.
email-exists-action = Choisir un nouveau mot de passe
email-reset-subject = Votre lien pour choisir un nouveau mot de passe
email-reset-p1 = Vous avez demandé à changer de mot de passe. Ce lien est valable une heure et ne sert qu'une fois.
email-reset-p2 = Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.
email-reset-action = Choisir un nouveau mot de passe
email-password-changed-subject = Votre mot de passe a été changé
email-password-changed-p1 = Le mot de passe de votre compte vient d'être changé et toutes vos sessions ont été fermées. Si ce n'est pas vous, utilisez « Mot de passe oublié » sans attendre et prévenez l'équipe nationale.
email-confirm-email-subject = Confirmez votre nouvelle adresse e-mail
email-confirm-email-p1 = Pour que cette adresse devienne celle de votre compte, ouvrez le lien ci-dessous. Il est valable trois jours.
email-confirm-email-action = Confirmer cette adresse
email-email-changed-subject = L'adresse de votre compte a changé
email-email-changed-p1 = L'adresse e-mail de votre compte vient d'être remplacée par une nouvelle. Si ce n'est pas vous, prévenez l'équipe nationale sans attendre.
email-deletion-subject = Votre demande de suppression de compte
email-deletion-p1 = Nous avons bien reçu votre demande de suppression. Votre compte et vos données seront supprimés le { $date }. D'ici là, vous pouvez changer d'avis : connectez-vous, puis ouvrez « Mon compte ».

info-steps = Comment ça se passe
become-mentor-title = Devenir mentor
become-mentor-p1 = Vous avez une expérience reconnue dans un domaine — un métier, une création d'entreprise, une vie associative, un parcours de formation — et l'envie de la partager avec quelqu'un de votre territoire ?
become-mentor-p2 = Le mentorat n'est ni de la charité ni du clientélisme : c'est une relation singulière, où vous aidez une personne à se poser les bonnes questions. Nous sommes souvent mentors sans le savoir.
become-mentor-step1 = Venez à une conférence « À la recherche du mentorat perdu » ou à une édition du cercle le plus proche.
become-mentor-step2 = Proposez votre candidature : vos domaines d'expérience, votre commune, vos disponibilités.
become-mentor-step3 = La coordination de votre cercle vous rencontre, puis vous présente des porteurs de projet.
find-mentor-title = Trouver un mentor pour mon projet
find-mentor-p1 = Vous portez un projet qui vous tient à cœur : créer une activité, changer de métier, reprendre des études, lancer une association ?
find-mentor-p2 = Un mentor qui a l'expérience de ce domaine et vit près de chez vous peut vous aider à y voir clair et à oser.
find-mentor-step1 = Trouvez le cercle de votre territoire et venez à son prochain rendez-vous.
find-mentor-step2 = Présentez votre projet : ce que vous voulez faire et l'aide que vous cherchez.
find-mentor-step3 = La coordination du cercle vous propose des mentors ; vous choisissez ensemble.

## Événements et inscriptions
event-title-page = { $title }
event-when = Quand
event-where = Où
event-duration = { $minutes } minutes
event-capacity = { $count ->
    [one] { $count } place
   *[other] { $count } places
}
event-places-left = { $count ->
    [0] Complet : inscrivez-vous sur la liste d'attente, vous serez prévenu si une place se libère.
    [one] Plus qu'une place.
   *[other] Encore { $count } places.
}
event-cancelled-notice = Cet événement est annulé.
event-past-notice = Cet événement a eu lieu.
event-agenda = Au programme
event-host = Accueilli par { $name }
event-add-calendar = Ajouter à mon agenda (.ics)
event-register-title = S'inscrire
event-register-lead = Pas besoin de compte. Vous recevrez une confirmation par e-mail, avec un lien pour annuler.
phone-field = Téléphone
phone-hint = Facultatif, pour vous prévenir en cas d'imprévu.
heard-from-field = Comment avez-vous connu cet événement ?
heard-from-none = Je préfère ne pas répondre
heard-association = Par une association
heard-friend = Par un proche
heard-press = Par la presse
heard-social = Par les réseaux sociaux
heard-poster = Par une affiche
heard-other = Autrement
consent-field = J'accepte d'être recontacté au sujet du mentorat après l'événement.
register-submit = M'inscrire
register-waitlist-submit = M'inscrire sur la liste d'attente
registered-title = Inscription confirmée
registered-text = Votre place est réservée. Un e-mail de confirmation vient de partir, avec le fichier pour votre agenda et un lien pour annuler.
waitlisted-title = Vous êtes sur la liste d'attente
waitlisted-text = L'événement est complet. Nous vous écrirons si une place se libère : elle vous sera attribuée dans l'ordre des inscriptions.
already-registered-title = Votre inscription est déjà enregistrée
already-registered-text = Cette adresse est déjà inscrite à cet événement. Retrouvez l'e-mail de confirmation pour annuler si besoin.
cancel-title = Annuler mon inscription
cancel-lead = Votre inscription à « { $title } », { $when }, est enregistrée. Libérer votre place permet à quelqu'un de la liste d'attente de venir.
cancel-submit = Annuler mon inscription
cancel-done-title = Inscription annulée
cancel-done-text = Votre inscription est annulée. Merci d'avoir libéré votre place.
cancel-invalid-title = Ce lien n'est plus valable
cancel-invalid-text = Cette inscription est déjà annulée, ou le lien est incomplet.
error-phone = Ce numéro de téléphone n'est pas valide. Exemple : 06 12 34 56 78
error-event-closed = Les inscriptions à cet événement sont closes.
back-to-event = Retour à l'événement
registrations-title = Inscriptions : { $title }
registrations-summary = { $confirmed ->
    [one] { $confirmed } personne inscrite
   *[other] { $confirmed } personnes inscrites
}, { $waitlisted } en liste d'attente, { $attended ->
    [one] { $attended } personne présente
   *[other] { $attended } personnes présentes
}.
registrations-empty = Personne n'est encore inscrit. Partagez la page de l'événement pour faire venir du monde.
registration-name = Nom
registration-contact = Contact
registration-status = État
registration-presence = Présence
status-confirmed = Confirmée
status-waitlisted = Liste d'attente
status-cancelled = Annulée
mark-present = Pointer
mark-absent = Retirer la présence
present = Présence notée
export-csv = Exporter en CSV (tableur)
print-sheet = Feuille d'émargement à imprimer
sheet-title = Feuille d'émargement
sheet-signature = Signature
invite-title = Après l'événement
invite-lead = Invitez les personnes présentes qui ont accepté d'être recontactées à proposer leur candidature de mentor.
invite-submit = Envoyer les invitations
invite-done = { $count ->
    [0] Aucune nouvelle invitation : les personnes venues et d'accord pour être recontactées ont déjà la leur.
    [one] Une invitation envoyée.
   *[other] { $count } invitations envoyées.
}
csv-first-name = Prénom
csv-last-name = Nom
csv-email = E-mail
csv-phone = Téléphone
csv-status = État
csv-attended = Présence
csv-consent = Accord pour une prise de contact
csv-heard-from = Connu par
csv-registered-at = Date d'inscription
yes = oui
no = non
organise-title = Mes événements
organise-lead = Les événements dont vous gérez les inscriptions.
organise-empty = Aucun événement à gérer pour l'instant.
nav-organise = Mes événements
calendar-feed = S'abonner au calendrier (.ics)

## Accueillir une conférence, contact
nav-host = Créer un cercle
nav-contact = Contact
host-title = Créer un cercle dans ma ville
host-lead = Tout commence par une conférence « À la recherche du mentorat perdu », organisée avec une association de votre ville. Dites-nous qui vous êtes : l'équipe nationale vous répondra par e-mail.
association-field = Association
contact-name-field = Votre nom
audience-field = Nombre de personnes attendues
audience-hint = Une estimation suffit, par exemple 60.
dates-field = Dates qui vous conviendraient
dates-hint = Par exemple : un jeudi soir de mars.
message-field = Message
host-submit = Envoyer la demande
host-sent-title = Demande envoyée
host-sent-text = Merci ! L'équipe nationale étudie votre demande et vous répondra par e-mail.
error-audience = Indiquez un nombre de personnes entre 1 et 10 000.
error-commune = Choisissez votre commune dans la liste (tapez son nom ou son code postal).
contact-title = Nous écrire
contact-lead = Une question, une envie de rejoindre le réseau, une demande de la presse ? Écrivez-nous.
category-field = Sujet
category-join = Rejoindre le réseau
category-circle = Créer un cercle
category-press = Presse
category-support = Soutenir l'association
category-other = Autre chose
contact-submit = Envoyer le message
contact-sent-title = Message envoyé
contact-sent-text = Merci pour votre message. Un accusé de réception vient de partir par e-mail ; l'équipe nationale vous répondra.
website-field = Ne remplissez pas ce champ
admin-requests-title = Demandes de conférence
admin-requests-empty = Aucune demande pour l'instant.
request-status-new = Nouvelle
request-status-answered = Répondue
request-status-scheduled = Conférence planifiée
request-status-declined = Déclinée
schedule-title = Planifier la conférence
schedule-lead = La conférence est préremplie : titre « À la recherche du mentorat perdu », deux heures questions comprises, le programme en trois parties et le buffet. Tout reste modifiable ensuite.
date-field = Date
time-field = Heure de début
venue-field = Lieu
address-field = Adresse
capacity-field = Nombre de places
circle-field = Cercle
schedule-submit = Planifier la conférence
scheduled-notice = Conférence planifiée.
error-date = Choisissez une date future au format attendu.
error-capacity = Indiquez un nombre de places entre 1 et 5 000.
mark-answered = Marquer comme répondue
admin-messages-title = Messages reçus
admin-messages-empty = Aucun message.
message-status-new = Nouveau
message-status-in_progress = En cours
message-status-done = Traité
set-status = Changer l'état
nav-admin-requests = Demandes
nav-admin-messages = Messages
nav-admin-dashboard = Tableau de bord

## Mentorat
nav-space = Mon espace
nav-coordination = Coordination
sign-in-to-continue = Connectez-vous ou créez un compte pour continuer : c'est gratuit et rapide.
apply-title = Ma candidature de mentor
apply-lead = Dites-nous dans quels domaines vous avez de l'expérience, où vous habitez et combien de porteurs de projet vous pouvez accompagner.
domain-field = Domaine d'expérience { $n }
domain-none = — Aucun —
years-field = Années d'expérience dans ce domaine
bio-field = Quelques mots sur vous
bio-hint = Votre parcours, ce que vous aimez transmettre. Les porteurs de projet le liront.
travel-field = Jusqu'où pouvez-vous vous déplacer (km) ?
remote-field = Je peux aussi accompagner à distance.
languages-field = Langues
language-fr = Français
language-en = Anglais
language-nl = Néerlandais
language-ar = Arabe
language-es = Espagnol
language-pt = Portugais
language-de = Allemand
language-it = Italien
language-tr = Turc
language-wo = Wolof
capacity-mentor-field = Combien de porteurs à la fois (1 à 5) ?
availability-field = Vos disponibilités
availability-hint = Par exemple : le mardi soir, un samedi sur deux.
charter-field = J'ai lu et j'accepte la charte du mentor : écoute, bienveillance, confidentialité, ni rémunération ni clientélisme.
apply-submit = Envoyer ma candidature
applied-title = Candidature envoyée
applied-text = Merci ! La coordination de votre cercle va étudier votre candidature et vous proposer un entretien. Vous recevrez un e-mail à chaque étape.
application-status = État de votre candidature : { $status }
vetting-submitted = Envoyée
vetting-interview_planned = Entretien prévu
vetting-approved = Acceptée
vetting-declined = Non retenue
vetting-paused = En pause
project-title = Présenter mon projet
project-lead = Décrivez votre projet et l'aide que vous cherchez. La coordination de votre cercle le validera, puis vous pourrez choisir un mentor.
project-title-field = Titre du projet
project-description-field = Votre projet
project-domains-field = Domaine du projet
stage-field = Où en est le projet ?
stage-idea = C'est une idée
stage-preparing = Je le prépare
stage-launching = Je le lance
stage-running = Il existe déjà
help-field = L'aide que vous cherchez
project-remote-accepted = Le porteur accepte un accompagnement à distance.
project-remote-field = Je veux bien être accompagné·e à distance (téléphone, visio), par un mentor qui habite plus loin.
birth-year-field = Année de naissance
birth-year-hint = Avant 15 ans, l'accord d'un parent est nécessaire.
parent-name-field = Nom d'un parent (si vous avez moins de 15 ans)
parent-email-field = Adresse e-mail de ce parent
project-submit = Envoyer mon projet
project-sent-title = Projet envoyé
project-sent-text = Merci ! La coordination de votre cercle va le lire. Si vous avez moins de 15 ans, votre parent a reçu un e-mail pour donner son accord.
consent-title = Accord d'un parent
consent-notice = { $child } a présenté le projet « { $project } » sur la plateforme des Cercles des Mentors ({ $circle }). Nous lui proposerons un mentor bénévole, vérifié par la coordination du cercle, pour l'accompagner. Seuls son mentor et la coordination du cercle voient ses coordonnées ; les mentors qu'il ou elle sollicite voient son prénom, l'initiale de son nom et son projet. Les messages et notes d'une relation terminée sont effacés { $months } mois après sa fin, et un compte inutilisé pendant { $inactive } mois est supprimé. Votre accord (sa date et la version de ce texte) est enregistré et peut être retiré à tout moment avec le même lien ; votre enfant donne aussi le sien, et peut le retirer depuis son espace. Nous ne cédons aucune donnée.
consent-submit = Je donne mon accord
consent-withdraw = Retirer mon accord
consent-withdraw-confirm = Retirer votre accord ? Plus aucune mise en relation ne sera possible pour ce projet.
consent-given-title = Merci pour votre accord
consent-given-text = Votre accord est enregistré. Vous pouvez le retirer à tout moment avec le même lien.
consent-withdrawn-title = Accord retiré
consent-withdrawn-text = Votre accord est retiré : plus aucune mise en relation n'est possible pour ce projet.
space-title = Mon espace
space-projects = Mes projets
space-no-project = Vous n'avez pas encore présenté de projet.
space-requests-out = Mes demandes à des mentors
space-requests-in = Les demandes qui me sont faites
space-mentorships = Mes relations mentorales
space-empty = Rien pour l'instant.
project-status-submitted = En attente de validation
project-status-needs_details = Précisions demandées
project-status-validated = Validé
project-status-matched = Accompagné
project-status-closed = Terminé
consent-waiting = En attente de l'accord d'un parent.
browse-directory = Trouver un mentor dans l'annuaire
mreq-status-open = En attente de réponse
mreq-status-accepted = Acceptée
mreq-status-declined = Déclinée
mreq-status-withdrawn = Retirée
mreq-status-expired = Expirée
mreq-status-closed = Close
decline-reason-no_time = Pas disponible en ce moment
decline-reason-not_my_field = Ce n'est pas mon domaine
decline-reason-too_far = Trop loin
decline-reason-other = Autre raison
accept-submit = Accepter
decline-submit = Décliner
decline-reason-field = Raison
decline-text-field = Un mot pour le porteur (facultatif)
withdraw-submit = Retirer ma demande
withdraw-confirm = Retirer cette demande ? Le mentor ne pourra plus y répondre ; vous pourrez en envoyer une autre.
directory-title = L'annuaire des mentors
directory-lead = Les mentors disponibles près de chez vous. Leurs coordonnées vous seront transmises s'ils acceptent votre demande.
directory-filter-domain = Domaine
directory-filter-level = Distance
directory-any = Tous
level-any = Partout
level-same_commune = Ma commune
level-same_intercommunality = Mon intercommunalité
level-same_departement = Mon département
directory-filter = Filtrer
directory-filter-language = Langue parlée
directory-any-language = Toutes
directory-languages = Parle :
directory-empty = Aucun mentor disponible avec ces critères. Élargissez la distance ou le domaine.
reason-same-field = Même domaine : { $field }
reason-synonym-field = Domaine proche : { $field }
reason-same-commune = Même commune
reason-same-epci = Même intercommunalité : { $name }
reason-same-dep = Même département : { $name }
reason-years = { $years } ans en { $field }
reason-words = Mots communs : { $words }
reason-remote = Accompagnement à distance possible
directory-years = { $years } ans
directory-score = Correspondance : { $score } sur 100
record-suggestions-title = Mentors suggérés
record-suggestions-lead = Les dix mentors disponibles qui correspondent le mieux à ce projet, comme le porteur les voit dans l'annuaire. Pour proposer des paires, lancez l'appariement du cercle depuis la page Coordination.
record-suggestions-empty = Aucun mentor disponible ne correspond à ce projet pour l'instant (domaine, distance ou langue).
request-message-field = Votre message au mentor
request-submit = Demander à { $name } de m'accompagner
request-sent = Votre demande est envoyée. Le mentor vous répondra par e-mail.
mentorship-title = Relation mentorale
mentorship-project = Projet : { $title }
mentorship-pair = { $mentor } accompagne { $mentee }
mentorship-contact = Pour vous écrire : { $email }
mentorship-meetings = Rencontres
mentorship-no-meeting = Aucune rencontre enregistrée.
meeting-date-field = Date de la rencontre
meeting-minutes-field = Durée (minutes)
meeting-remote-field = À distance
meeting-topics-field = Sujets abordés
meeting-notes-field = Notes privées (visibles seulement par vous deux)
meeting-submit = Enregistrer la rencontre
meeting-line = { $date } — { $minutes } min
meeting-remote = à distance
meeting-in-person = en personne
close-title = Clore la relation
close-reason-field = Pourquoi clore ?
close-submit = Clore la relation
close-confirm = Clore cette relation mentorale ? Elle rejoindra l'historique : plus aucune rencontre ne pourra y être notée, et la place du mentor se libère.
feedback-title = Votre avis
satisfaction-field = Votre satisfaction (1 à 5)
changes-field = Ce que la relation a changé pour le projet
comment-field = Un commentaire
feedback-submit = Envoyer mon avis
feedback-thanks = Merci pour votre avis.
mentorship-closed = Cette relation est close.
coordination-title = Coordination
coordination-lead = Ce qui attend votre cercle : candidatures à étudier, projets à valider, porteurs qui attendent un mentor, relations à suivre.
coordination-applications = Candidatures de mentors à étudier
coordination-projects = Projets à valider
coordination-waiting = Porteurs qui attendent un mentor
coordination-waiting-days = { $days ->
    [0] depuis aujourd'hui
    [one] depuis { $days } jour
   *[other] depuis { $days } jours
}
coordination-mentors = Mentors du cercle
coordination-empty = Rien en attente.
coordination-first = Les { $shown } plus anciens sur { $total }.
coordination-circles = Les cercles
coordination-col-circle = Cercle
coordination-col-status = État
coordination-col-mentors = Mentors
coordination-col-weights = Pondérations
vetting-title = Candidature de { $name }
vetting-domains = Domaines
vetting-record = Ce qui est enregistré
vetting-fact-languages = Langues
vetting-fact-places = Places
vetting-places = { $taken ->
    [one] { $taken } prise
   *[other] { $taken } prises
} sur { $places }
vetting-fact-availability = Disponibilités
vetting-fact-travel = Déplacements
vetting-travel = { $remote ->
    [1] jusqu'à { $km } km, et à distance
   *[0] jusqu'à { $km } km
}
vetting-fact-interview = Entretien
vetting-fact-background = Vérification d'honorabilité
vetting-fact-charter = Charte acceptée
vetting-not-yet = pas encore
vetting-next = Étape suivante
interview-field = Date de l'entretien
background-field = Vérification des antécédents faite (aucun document n'est conservé)
vetting-submit = Enregistrer l'étape
record-title = Projet de { $name }
decision-field = Décision
decision-validate = Valider le projet
decision-details = Demander des précisions
note-field = Message au porteur
decision-submit = Enregistrer la décision
error-years = Indiquez vos années d'expérience (0 à 70).
error-domains = Choisissez au moins un domaine.
error-capacity-mentor = Choisissez entre 1 et 5 porteurs.
error-languages = Choisissez au moins une langue.
error-charter = Acceptez la charte pour devenir mentor.
error-already-applied = Vous avez déjà envoyé une candidature.
error-status-transition-mentor = Cette étape n'est pas possible : une candidature passe par un entretien avant d'être acceptée.
error-interview-date = Indiquez la date de l'entretien.
error-background-check = Enregistrez la vérification des antécédents avant d'accepter.
error-birth-year = Indiquez votre année de naissance, par exemple 1990.
error-status-transition-project = Ce projet a déjà été traité.
error-project-not-ready = Ce projet n'est pas encore prêt pour une mise en relation (validation ou accord d'un parent en attente).
error-same-person = Vous ne pouvez pas être votre propre mentor.
error-mentor-full = Ce mentor n'a plus de place pour l'instant.
error-you-are-full = Vous n'avez plus de place : toutes vos places d'accompagnement sont prises. Une place se libère quand une relation est close.
space-full = { $count ->
    [one] Vous accompagnez déjà { $count } porteur, autant que vos places : vous pourrez accepter une demande quand une relation sera close. Vous pouvez refuser celles qui attendent.
   *[other] Vous accompagnez déjà { $count } porteurs, autant que vos places : vous pourrez accepter une demande quand une relation sera close. Vous pouvez refuser celles qui attendent.
}
error-three-requests = Vous avez déjà trois demandes en attente : attendez une réponse ou retirez-en une.
error-already-asked = Vous avez déjà fait une demande à ce mentor.
error-request-closed = Cette demande n'est plus en attente.
error-mentorship-closed = Cette relation est close.
error-date-future = La date ne peut pas être dans le futur.
error-interview-when = Choisissez une date d'entretien entre il y a un an et dans un an.
error-meeting-before-start = La rencontre ne peut pas avoir eu lieu avant le début de la relation.
error-edition-date = Choisissez une date entre le 1er janvier 2000 et cinq ans à partir d'aujourd'hui.
error-event-too-far = Choisissez une date dans les trois prochaines années.
error-minutes = Indiquez une durée entre 5 et 600 minutes.
error-satisfaction = Choisissez une note de 1 à 5.
action-mentor_vetted = Candidature de mentor
action-project_reviewed = Projet examiné
action-parental_consent = Accord parental

goals-title = Objectifs
goals-empty = Aucun objectif pour l'instant : fixez-vous un premier cap ensemble.
goal-new = Nouvel objectif
goal-add = Ajouter
goal-status-open = À faire
goal-status-in_progress = En cours
goal-status-reached = Atteint
goal-status-dropped = Abandonné
domains-title = Domaines d'expérience
domains-lead = Les libellés et synonymes des domaines, en français et en anglais. Les synonymes aident la recherche et la mise en relation.
domain-label-fr = Libellé en français
domain-label-en = Libellé en anglais
domain-synonyms-fr = Synonymes en français (séparés par des virgules)
domain-synonyms-en = Synonymes en anglais (séparés par des virgules)
domain-save = Enregistrer
nav-admin-domains = Domaines
coordination-feedback = Avis reçus sur les relations closes : { $count } — satisfaction moyenne { $average } sur 5.
coordination-events = Prochains rendez-vous
action-domain_edited = Domaine modifié

proposal-title = Appariement du cercle
proposal-lead = Calculez la meilleure répartition des porteurs qui attendent entre les mentors disponibles. Vous relirez chaque paire avant de publier : chaque mentor recevra alors une demande.
proposal-run = Proposer des paires pour { $name }
proposal-matches-first = D'abord le plus de paires possible, puis le meilleur score
proposal-rule-matches-first = Règle suivie : le plus de paires possible d'abord, puis le meilleur score total.
proposal-rule-best-score = Règle suivie : le meilleur score total. Un porteur peut rester sans mentor si cela donne un meilleur total ; cochez « D'abord le plus de paires possible » pour l'éviter.
proposal-network = tout le réseau
proposal-together-legend = Apparier plusieurs cercles ensemble
proposal-together-hint = Cochez au moins deux cercles : leurs porteurs se partagent les places des mentors dans une seule proposition.
proposal-together-select-hint = Pour en choisir plusieurs, maintenez Ctrl (ou Cmd sur un Mac) en cliquant ; sur un téléphone, touchez chaque cercle.
proposal-together-page-hint = Les cercles proposés sont ceux de cette page du tableau des cercles ; changez de page pour en choisir d'autres.
proposal-together-run = Proposer des paires pour les cercles cochés
proposal-together = Cercles appariés ensemble : { $names }.
error-proposal-circles = Cochez au moins deux cercles à apparier ensemble.
proposal-summary = { $matched } paires proposées, { $unmatched } porteurs sans mentor disponible, score total { $score }, paires bloquantes : { $blocking }.
proposal-empty = Aucune paire possible pour l'instant : pas de porteur validé en attente, ou pas de mentor disponible.
proposal-score = score { $score }
proposal-removed = retirée
proposal-remove = Retirer cette paire
proposal-unmatched-title = Porteurs sans mentor dans cette proposition
proposal-unmatched-no_candidate = aucun mentor disponible ne lui correspond (domaine, distance ou langue) ; il reste visible dans l'annuaire.
proposal-unmatched-candidates_full = les mentors qui lui correspondent ont leurs places prises par d'autres paires.
proposal-publish = Publier : envoyer les demandes aux mentors
proposal-publish-confirm = Envoyer une demande à chaque mentor des paires gardées ?
proposal-published = { $count ->
    [0] Publiée : aucune demande à envoyer.
    [one] Publiée : une demande envoyée.
   *[other] Publiée : { $count } demandes envoyées.
}
proposal-skipped = { $count ->
    [one] Une paire n'était plus possible : le projet a trouvé un mentor ou a été fermé depuis, le mentor n'a plus de place, ou le porteur a déjà trois demandes en cours ou a déjà demandé ce mentor.
   *[other] { $count } paires n'étaient plus possibles : le projet a trouvé un mentor ou a été fermé depuis, le mentor n'a plus de place, ou le porteur a déjà trois demandes en cours ou a déjà demandé ce mentor.
}
error-proposal-published = Cette proposition est déjà publiée.
error-proposal-replaced = Cette proposition a été recalculée : seule la nouvelle peut être modifiée ou publiée.
proposal-recompute-title = Recalculer après votre relecture
proposal-recompute-lead = Les paires que vous gardez restent telles quelles. Les paires retirées ne seront plus proposées. Les porteurs libérés reçoivent la meilleure proposition possible avec les mentors qui restent.
proposal-recompute = Recalculer sans les paires retirées
proposal-recompute-confirm = Recalculer ? Une nouvelle proposition remplacera celle-ci.
proposal-publish-title = Publier
proposal-replaced = Cette proposition a été recalculée : elle ne peut plus être modifiée ni publiée.
proposal-replaced-link = Voir la nouvelle proposition
proposal-excluded = { $count ->
    [one] Une paire retirée lors d'une relecture précédente ne sera plus proposée.
   *[other] { $count } paires retirées lors des relectures précédentes ne seront plus proposées.
}
action-matching_proposed = Appariement proposé
action-matching_recomputed = Appariement recalculé
action-matching_published = Appariement publié
action-matching_weights_set = Pondérations de l'appariement réglées
action-matching_weights_reset = Pondérations de l'appariement remises par défaut

## Pondérations de l'appariement (par cercle)
weights-link = Régler les pondérations de { $name }
weights-title = Pondérations de l'appariement : { $name }
weights-lead = Le score d'un mentor pour un porteur additionne six critères. Donnez à chacun un poids de 0 à 100 : plus il est grand, plus le critère compte dans les suggestions et les propositions de paires de ce cercle. Seules les proportions comptent.
weights-defaults = Ce cercle utilise les pondérations par défaut.
weights-custom = Ce cercle a ses propres pondérations.
weights-part-field = Domaine en commun
weights-help-field = Le mentor a le domaine du projet (ou un synonyme cité par le porteur).
weights-part-text = Mots en commun
weights-help-text = Les mots du projet se retrouvent dans la présentation du mentor.
weights-part-proximity = Proximité
weights-help-proximity = Même commune, même intercommunalité, même département…
weights-part-years = Années d'expérience
weights-help-years = Années du mentor dans le domaine du projet.
weights-part-load = Disponibilité du mentor
weights-help-load = Les mentors qui accompagnent encore peu de porteurs passent devant.
weights-part-availability = Horaires compatibles
weights-help-availability = Les moments où chacun est disponible se recoupent.
weights-save = Enregistrer les pondérations
weights-saved = Pondérations enregistrées : les prochaines suggestions en tiennent compte.
weights-reset = Revenir aux pondérations par défaut
weights-reset-confirm = Remplacer les pondérations de ce cercle par celles par défaut ?
weights-reset-done = Ce cercle utilise de nouveau les pondérations par défaut.
error-weight-range = Indiquez un nombre entier de 0 à 100.
error-weights-all-zero = Donnez un poids d'au moins 1 à un critère.

## Cercles (gestion)
nav-admin-circles = Cercles
admin-circles-title = Gérer les cercles
circle-create-title = Créer un cercle
circle-create-lead = Le cercle naît « en projet », dans la commune choisie ; il couvre d'abord son intercommunalité. Vous pourrez ensuite étendre son territoire et nommer sa coordination.
circle-name-field = Nom du cercle
circle-name-hint = Le nom de la ville, par exemple « Amiens ».
description-fr-field = Présentation en français
description-en-field = Présentation en anglais
circle-create-submit = Créer le cercle
circle-public-page = Voir la page publique
circle-status-title = Changer l'état du cercle
circle-status-field = Nouvel état
circle-status-submit = Changer l'état
territory-current = Territoire couvert
territory-empty = Aucun territoire : le cercle ne reçoit encore personne.
territory-title = Étendre le territoire
territory-lead = Choisissez une commune, puis ce que le cercle doit couvrir : la commune seule, son intercommunalité ou son département.
territory-level-field = Couvrir
level-commune = La commune
level-epci = Son intercommunalité
level-departement = Son département
territory-submit = Ajouter au territoire
edition-title = Enregistrer une édition
new-mentors-field = Nouveaux mentors accueillis
edition-submit = Enregistrer l'édition
coordinators-current = Coordination
coordinators-empty = Personne ne coordonne encore ce cercle.
coordinator-title = Nommer une personne à la coordination
coordinator-hint = L'adresse de son compte sur la plateforme.
coordinator-submit = Nommer
coordinator-revoke = Retirer
coordinator-revoke-confirm = Retirer cette personne de la coordination du cercle ?
member-title = Ajouter un membre de l'association
members-current = Membres de l'association
members-empty = Aucun membre n'a encore de compte lié à cette association.
partner-page = Voir l'association partenaire
event-create-title = Programmer un événement
event-create-submit = Programmer l'événement
event-title-field = Titre
event-kind-field = Type d'événement
duration-field = Durée (minutes)
event-cancel-submit = Annuler l'événement
event-cancel-confirm = Annuler cet événement ? Les personnes inscrites seront prévenues par e-mail.
action-circle_created = Cercle créé
action-circle_status = État d'un cercle
action-event_cancelled = Événement annulé
action-invitations_sent = Invitations envoyées

## Tableau de bord
dashboard-title = Tableau de bord du réseau
dashboard-mentors = Mentors approuvés : { $count } sur un objectif de { $target }
dashboard-circles = Cercles actifs : { $count } sur un objectif de { $target }
dashboard-progress = { $percent } % de l'objectif
dashboard-by-status = Cercles par état
dashboard-cities = Villes couvertes : { $count }
dashboard-growth = Nouveaux mentors approuvés par mois
dashboard-growth-desc = Histogramme des douze derniers mois ; les mêmes chiffres sont dans le tableau qui suit.
dashboard-month = Mois
dashboard-new-mentors = Nouveaux mentors
dashboard-total = Total à la fin du mois
dashboard-funnel = De la conférence au mentorat, par cercle
dashboard-attendees = Présents aux conférences
dashboard-applications = Candidatures de mentors
dashboard-approved = Mentors approuvés
targets-title = Objectifs
targets-year = Année
targets-mentors = Mentors
targets-circles = Cercles
targets-submit = Enregistrer les objectifs
targets-saved = Objectifs enregistrés.
error-targets = Indiquez une année et des objectifs positifs.

## E-mails des événements
email-registered-subject = Inscription confirmée : { $title }
email-registered-p1 = Votre place est réservée pour « { $title } », { $when }, { $venue }.
email-registered-p2 = Le fichier joint ajoute l'événement à votre agenda. Si vous ne pouvez plus venir, libérez votre place pour quelqu'un de la liste d'attente.
email-registered-action = Annuler mon inscription
email-waitlisted-subject = Liste d'attente : { $title }
email-waitlisted-p1 = « { $title } » ({ $when }) est complet. Vous êtes sur la liste d'attente : si une place se libère, elle vous sera attribuée dans l'ordre des inscriptions et nous vous préviendrons.
email-waitlisted-p2 = Si vous ne souhaitez plus venir, vous pouvez quitter la liste d'attente.
email-waitlisted-action = Quitter la liste d'attente
email-promoted-subject = Une place s'est libérée : { $title }
email-promoted-p1 = Bonne nouvelle : une place s'est libérée pour « { $title } », { $when }, { $venue }. Elle est à vous.
email-promoted-p2 = Le fichier joint ajoute l'événement à votre agenda. Si vous ne pouvez pas venir, libérez la place pour quelqu'un d'autre.
email-promoted-action = Annuler mon inscription
email-reminder-subject = Rappel : { $title } { $soon ->
    [today] aujourd'hui
    [tomorrow] demain
   *[later] dans { $days } jours
}
email-reminder-p1 = Nous vous attendons pour « { $title } », { $when }, { $venue }.
email-reminder-p2 = Un empêchement ? Libérez votre place pour quelqu'un de la liste d'attente.
email-reminder-action = Annuler mon inscription
email-cancelled-subject = Inscription annulée : { $title }
email-cancelled-p1 = Votre inscription à « { $title } » ({ $when }) est annulée. Merci de nous avoir prévenus.
email-event-cancelled-subject = Événement annulé : { $title }
email-event-cancelled-p1 = Nous sommes désolés : « { $title } », prévu { $when }, est annulé. Nous vous préviendrons du prochain rendez-vous.
error-circle-exists = Un cercle porte déjà ce nom.
error-status-transition = Ce changement d'état n'est pas possible : un cercle passe de « En projet » à « En lancement », puis « Actif », et peut être mis en pause.
error-no-epci = Cette commune n'appartient à aucune intercommunalité : choisissez la commune ou le département.
error-no-account = Aucun compte n'existe avec cette adresse : la personne doit d'abord créer son compte.
error-number = Indiquez un nombre entier.
email-vetting-received-subject = Votre candidature de mentor est bien reçue
email-vetting-received-p1 = Merci ! La coordination de votre cercle va l'étudier et vous proposer un entretien.
email-vetting-interview-subject = Un entretien pour votre candidature de mentor
email-vetting-interview-p1 = La coordination de votre cercle vous propose un entretien ; elle vous contactera pour en convenir.
email-vetting-approved-subject = Bienvenue parmi les mentors !
email-vetting-approved-p1 = Votre candidature est acceptée. Vous apparaissez désormais aux porteurs de projet de votre territoire.
email-vetting-declined-subject = Votre candidature de mentor
email-vetting-declined-p1 = Après étude, la coordination de votre cercle ne donne pas suite à votre candidature pour le moment. Merci pour votre proposition.
email-vetting-paused-subject = Votre participation est en pause
email-vetting-paused-p1 = Votre profil de mentor est mis en pause : il n'apparaît plus aux porteurs de projet jusqu'à sa reprise.
email-consent-subject = Votre accord pour le projet de { $child }
email-consent-p1 = { $child } a présenté un projet sur la plateforme des Cercles des Mentors. Comme { $child } a moins de 15 ans, votre accord est nécessaire avant toute mise en relation avec un mentor.
email-consent-p2 = Le lien ci-dessous présente la notice d'information et vous permet de donner votre accord, ou de le retirer plus tard.
email-consent-action = Lire et donner mon accord
email-project-validated-subject = Votre projet est validé
email-project-validated-p1 = La coordination de votre cercle a validé votre projet : vous pouvez maintenant consulter l'annuaire des mentors et faire une demande.
email-project-details-subject = Votre projet : quelques précisions
email-project-details-p1 = La coordination de votre cercle a besoin de précisions : { $note }
email-request-subject = Une demande de mentorat
email-request-p1 = Un porteur de projet aimerait que vous l'accompagniez. Lisez sa demande et répondez-lui : accepter, ou décliner en donnant une raison.
email-request-action = Voir la demande
email-accepted-subject = Votre demande est acceptée
email-accepted-p1 = Bonne nouvelle : le mentor accepte de vous accompagner. Ses coordonnées sont maintenant visibles dans votre espace.
email-accepted-action = Ouvrir la relation mentorale
email-declined-subject = Réponse à votre demande de mentorat
email-declined-p1 = Le mentor ne peut pas donner suite à votre demande ; sa raison est indiquée dans votre espace. D'autres mentors vous attendent dans l'annuaire.
email-declined-action = Voir mes demandes
email-request-closed-subject = Une demande close
email-request-closed-p1 = Le porteur de projet qui vous avait sollicité a trouvé un mentor : sa demande est close. Merci de votre disponibilité.
email-feedback-subject = Votre avis sur la relation mentorale
email-feedback-p1 = La relation mentorale est close. Dites-nous ce qu'elle a changé : votre avis aide le réseau à grandir.
email-feedback-action = Donner mon avis
email-request-expired-subject = Votre demande de mentorat a expiré
email-request-expired-p1 = Le mentor n'a pas répondu à votre demande depuis deux semaines : elle est close. D'autres mentors vous attendent dans l'annuaire.
email-request-expired-action = Voir mon espace
email-quiet-subject = Des nouvelles de votre relation mentorale ?
email-quiet-p1 = Aucune rencontre n'a été enregistrée depuis un mois. Prenez des nouvelles l'un de l'autre, et notez votre prochaine rencontre.
email-quiet-action = Ouvrir la relation
coordination-attention = Relations à suivre (aucune rencontre depuis 60 jours)
email-invite-subject = Devenir mentor après « { $title } »
email-invite-p1 = Merci de votre présence à « { $title } ». Vous avez accepté que nous vous recontactions au sujet du mentorat.
email-invite-p2 = Si l'envie vous est venue de partager votre expérience, proposez votre candidature de mentor : le formulaire est déjà prérempli.
email-invite-action = Proposer ma candidature
email-hosting-subject = Votre demande de conférence est bien reçue
email-hosting-p1 = Merci ! L'équipe nationale étudie votre demande d'accueillir une conférence « À la recherche du mentorat perdu » et vous répondra par e-mail.
email-contact-subject = Votre message est bien reçu
email-contact-p1 = Merci pour votre message. L'équipe nationale vous répondra par e-mail.
email-inbox-subject = Nouveau dans la plateforme : { $what }
email-inbox-p1 = Un nouvel élément attend dans la boîte de réception de la plateforme : { $what }.
email-inbox-action = Ouvrir
inbox-what-hosting = demande de conférence
inbox-what-contact = message de contact
inbox-what-mentor-application = candidature de mentor
inbox-what-project = projet à valider

## Messages d'erreur des formulaires
confirm-title = Confirmer
confirm-yes = Oui, confirmer
confirm-no = Non, revenir en arrière
error-empty = Ce champ est obligatoire.
error-too-long = Ce texte est trop long.
error-control-character = Un champ contient un caractère invisible (un caractère de contrôle) qui n'est pas accepté. Retirez-le, puis envoyez à nouveau le formulaire.
error-line-break = Un champ d'une seule ligne contient un retour à la ligne. Écrivez-le sur une seule ligne, puis envoyez à nouveau le formulaire.
error-direction-override = Un nom ou un titre contient un caractère invisible qui inverse le sens de lecture. Retirez-le, puis envoyez à nouveau le formulaire.
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
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
dashboard-bar-title = { $month } : { $count }
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

## The menu, the footer, the association's details, the legal notice and the privacy page
nav-menu = Menu
nav-menu-label = Toutes les pages
nav-admin-association = Coordonnées de l'association
legal-title = Mentions légales
legal-lead = Qui publie ce site et qui l'héberge.
privacy-title = Données personnelles
privacy-lead = { $name } est responsable des données personnelles que ce site recueille.
privacy-what-title = Ce que nous recueillons et pourquoi
privacy-what = Ce que vous nous confiez (nom, adresse e-mail, commune, votre projet ou votre expérience de mentor, vos inscriptions aux événements), pour une seule raison : former des binômes mentor et porteur de projet dans votre territoire et les accompagner.
privacy-who-title = Qui les voit
privacy-who = Les coordonnées d'un porteur de projet ne sont montrées qu'à son mentor et à la coordination de son cercle. Nous ne vendons ni ne prêtons aucune donnée.
privacy-rights-title = Vos droits
privacy-rights = Vous pouvez voir, corriger, télécharger (portabilité) ou effacer vos données, vous opposer à leur usage et retirer un accord donné. Depuis « Mon compte », vous téléchargez toutes vos données et demandez l'effacement de votre compte.
privacy-write-to = Pour toute question sur vos données, écrivez à
privacy-use-contact = Pour toute question sur vos données, écrivez-nous par la page
privacy-cnil = Si vous pensez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL :
privacy-cnil-link = déposer une plainte auprès de la CNIL
association-title = Coordonnées de l'association
association-lead = Ces informations apparaissent dans les mentions légales et sur la page des données personnelles.
association-save = Enregistrer les coordonnées
association-saved = Les coordonnées de l'association sont enregistrées.
association-not-given = Non renseigné
association-name = Nom de l'association
association-name-hint = Par exemple : Cercles des Mentors.
association-address = Adresse du siège
association-address-hint = Sur plusieurs lignes si besoin.
association-registration = Numéro RNA ou SIREN
association-registration-hint = Par exemple : W601234567.
association-publisher = Directeur ou directrice de la publication
association-publisher-hint = Prénom et nom.
association-host = Hébergeur du site
association-host-hint = Nom, adresse et téléphone de l'hébergeur.
association-privacy-contact = Contact pour les données personnelles
association-privacy-contact-hint = Une adresse e-mail, par exemple : donnees@exemple.org.
association-membership-url = Page d'adhésion
association-membership-url-hint = Une adresse web commençant par https://.
association-donation-url = Page de don
association-donation-url-hint = Une adresse web commençant par https://.
error-association-url = Indiquez une adresse web complète, commençant par https://.
action-association_edited = Coordonnées de l'association modifiées
request-from-coordination = Proposé par la coordination du cercle.
event-agenda-hint = Pour une conférence, laissez vide : le programme habituel s'affiche, dans la langue de chaque lecteur.
conference-agenda-1 = 1. Qu'est-ce que le mentorat ?
conference-agenda-2 = 2. Peut-on devenir mentor, ou sommes-nous mentors sans le savoir ?
conference-agenda-3 = 3. Comment apporter sa pierre à l'édifice ?
conference-agenda-4 = La soirée se termine par un buffet convivial.
commune-choose = — Choisissez votre commune dans la liste —
directory-empty-all-asked = Vous avez déjà écrit à tous les mentors qui correspondent à votre projet. Leurs réponses arrivent dans « Mon espace » ; si l'un d'eux décline, d'autres mentors pourront apparaître ici.
directory-empty-nobody = Aucun mentor disponible ne correspond encore à votre projet. La coordination de votre cercle le connaît et vous proposera un mentor dès qu'une place se libère.
outbox-attachment = Pièce jointe : { $name }
organise-upcoming = À venir
organise-past = Passés
organise-past-empty = Aucun événement passé parmi ceux que vous gérez.
organise-upcoming-count = { $count ->
    [0] Aucun événement à venir
    [one] Un événement à venir
   *[other] { $count } événements à venir
}
organise-past-count = { $count ->
    [0] Aucun événement passé
    [one] Un événement passé
   *[other] { $count } événements passés
}
calendar-subscribe = S'abonner au calendrier
calendar-subscribe-hint = (votre agenda affichera chaque nouveau rendez-vous)
calendar-subscribe-network = S'abonner au calendrier de tous les cercles
support-title = Soutenir l'association
support-why = Le réseau des Cercles des Mentors vit de l'engagement de bénévoles et du soutien de celles et ceux qui y croient. Chaque adhésion, chaque don et chaque heure donnée permettent à un cercle de naître ou de durer, et à un porteur de projet de trouver son mentor. Votre confiance nous engage.
support-money-title = Adhérer ou donner
support-money-none = Pour adhérer ou faire un don, écrivez-nous par la page
support-join = Adhérer à l'association
support-give = Faire un don
support-outside = (sur le site de notre partenaire de paiement)
support-time-title = Donner de son temps
support-mentor = Devenir mentor dans votre cercle
support-host = Accueillir la conférence « À la recherche du mentorat perdu » dans votre ville
support-relay = Relayer une conférence auprès de votre association ou de votre réseau
support-thanks = Merci pour votre soutien.
home-support-text = Adhérer, donner, devenir mentor, accueillir ou relayer une conférence : chacun peut faire grandir le réseau.
home-support-link = Les façons de soutenir l'association
association-support-text = Pourquoi soutenir l'association
association-support-text-hint = Le texte de la page « Soutenir l'association ». Laissez vide pour le texte habituel, dans la langue de chaque lecteur.
circle-mentors-title = Les mentors du cercle { $elide ->
    [yes] d'{ $name }
   *[no] de { $name }
}
circle-projects-title = Les projets du cercle { $elide ->
    [yes] d'{ $name }
   *[no] de { $name }
}
circle-mentors-link = Tous les mentors du cercle
circle-projects-link = Tous les projets du cercle
circle-mentors-count = { $count ->
    [one] Un mentor, candidatures comprises
   *[other] { $count } mentors, candidatures comprises
}
circle-projects-count = { $count ->
    [one] Un projet
   *[other] { $count } projets
}
circle-mentors-empty = Aucun mentor dans ce cercle pour l'instant. Les candidatures arrivent après la conférence « À la recherche du mentorat perdu ».
circle-projects-empty = Aucun projet dans ce cercle pour l'instant.
back-office-back = Retour au cercle
event-title-edition = Édition du Cercle des Mentors
email-host-scheduled-subject = Votre conférence est planifiée : « { $title } », { $when }
email-host-scheduled-p1 = Bonne nouvelle : la conférence « { $title } » que votre association accueille est planifiée { $when }, { $venue }. Sa page est en ligne : partagez-la autour de vous pour faire venir du monde.
email-host-scheduled-p2 = Une semaine avant, nous vous dirons combien de personnes sont inscrites ; après la conférence, combien sont venues et combien proposent de devenir mentors.
email-host-scheduled-action = Voir la page de la conférence
email-host-week-subject = Dans une semaine : « { $title } »
email-host-week-p1 = La conférence « { $title } » a lieu { $when }, { $venue }. { $registered_kind ->
    [none] Personne n'est encore inscrit : c'est le moment de relayer l'invitation.
    [one] Une personne est inscrite pour l'instant.
   *[other] { $registered } personnes sont inscrites pour l'instant.
}
email-host-week-p2 = Merci de préparer la salle et l'accueil ; la coordination du cercle apporte la feuille d'émargement.
email-host-week-action = Voir la page de la conférence
email-host-after-subject = Merci d'avoir accueilli « { $title } »
email-host-after-p1 = Merci pour votre accueil. { $attended_kind ->
    [none] Aucune présence n'a été notée à la conférence.
    [one] Une personne est venue à la conférence.
   *[other] { $attended } personnes sont venues à la conférence.
}
email-host-after-p2 = { $applied_kind ->
    [none] Personne n'a encore proposé de devenir mentor ; les invitations sont parties, les candidatures arrivent souvent dans les semaines qui suivent.
    [one] Une personne a déjà proposé de devenir mentor.
   *[other] { $applied } personnes ont déjà proposé de devenir mentors.
} Votre confiance nous engage.
email-host-after-action = Voir la page de la conférence
share-title = Associations et liens de partage
share-empty = Aucune association n'accueille ni ne relaie cet événement pour l'instant.
share-who = { $name } ({ $role })
share-role-host = accueil
share-role-relay = relais
share-figures = { $registered ->
    [0] Aucune inscription par ce lien pour l'instant
    [one] Une inscription par ce lien
   *[other] { $registered } inscriptions par ce lien
}{ $attended ->
    [0] .
    [one] , dont une présence notée.
   *[other] , dont { $attended } présences notées.
}{ $applied ->
    [0] {""}
    [one] {" "}Une candidature de mentor en est venue.
   *[other] {" "}{ $applied } candidatures de mentors en sont venues.
}
relay-title = Ajouter une association relais
relay-lead = Une association du cercle qui fait connaître l'événement reçoit son propre lien : les inscriptions qu'il apporte lui sont comptées. Elle voit ses chiffres, jamais les noms des personnes inscrites.
relay-partner = Association
relay-submit = Ajouter comme relais
share-yours-title = Les liens de partage de votre association
share-yours-lead = Partagez votre lien : chaque inscription qui passe par lui est comptée pour votre association.
action-relay_added = Association relais ajoutée
desk-title = Les conférences de { $name }
desk-ask = Demander une conférence
desk-empty = Votre association n'a pas encore demandé de conférence. La conférence « À la recherche du mentorat perdu » dure deux heures et fait naître le cercle de votre ville.
desk-asked-on = Demande du { $date }
desk-see-event = voir la conférence
invite-link-invalid-title = Ce lien d'invitation a déjà servi
invite-link-invalid-text = Une invitation ne sert qu'une fois. Si vous n'avez pas encore proposé votre candidature de mentor, vous pouvez le faire depuis la page « Devenir mentor ».
invite-sign-up-lead = Merci de votre présence à la conférence ! Créez votre compte : nous avons repris ce que vous nous aviez indiqué. Après avoir confirmé votre adresse, revenez par le lien de votre invitation : votre candidature sera préremplie.
dashboard-map-alt = Carte des cercles, colorés selon leur état ; les mêmes chiffres sont dans le tableau qui suit.
dashboard-status = État
dashboard-circles-count = Cercles
launch-title = Le lancement du cercle
launch-not-yet = pas encore
launch-step-host = Association d'accueil trouvée
launch-step-conference = Conférence planifiée
launch-step-registered = Premières inscriptions
launch-step-attended = Présences notées
launch-step-invited = Invitations envoyées
launch-step-applied = Premières candidatures de mentors
launch-step-approved = Premiers mentors acceptés
launch-step-coordinator = Coordination nommée
launch-step-edition = Première édition tenue
launches-title = Les cercles en lancement
launches-lead = Chaque étape est cochée d'après ce que la plateforme a enregistré, avec sa première date.
launches-empty = Aucun cercle en projet ni en lancement pour l'instant.
launches-count = { $count ->
    [one] Un cercle en lancement
   *[other] { $count } cercles en projet ou en lancement
}
nav-admin-launches = Lancements
funnel-title = De l'inscription au mentorat
funnel-registered = inscriptions
funnel-attended = présences
funnel-invited = invitations à devenir mentor
funnel-applied = candidatures venues de l'invitation
funnel-approved = mentors acceptés
funnel-mentoring = mentors qui accompagnent déjà un projet
funnel-share = { $percent } % de l'étape précédente

## The relationship: requests with their facts, messages, reports, check-ins, volunteers
request-fact-project = Projet : { $value }
request-fact-porteur = Porteur ou porteuse : { $value }
request-fact-fields = Domaines : { $value }
request-fact-stage = Étape : { $value }
request-fact-help = Aide souhaitée : { $value }
request-fact-commune = Commune : { $value }
request-fact-languages = Langues : { $value }
request-fact-reasons = Pourquoi vous : { $value }
request-page-title = Demande de { $name }
request-facts-title = Le projet
request-message-title = Son message
request-no-contact = Ses coordonnées vous seront données si vous acceptez.
request-see-project = Voir le projet et répondre
error-mentor-not-suitable = Ce mentor ne correspond pas à votre projet (domaine, distance, langue ou places) : choisissez parmi les mentors que l'annuaire vous propose.
thread-title = Messages
thread-link = { $count ->
    [0] Messages
    [one] Messages (1 non lu)
   *[other] Messages ({ $count } non lus)
}
thread-unread = { $count ->
    [one] 1 message non lu
   *[other] { $count } messages non lus
}
thread-minor = Le porteur ou la porteuse de projet est mineur : les coordinateurs et coordinatrices du cercle peuvent lire ces messages. Chaque lecture est notée ci-dessous.
thread-reading = Lu par { $name } (coordination) le { $when }
thread-reported-only = Vous ne voyez que les messages signalés.
thread-empty = Pas encore de message. Écrivez le premier !
thread-none-reported = Aucun message signalé.
message-write = Écrire un message
message-body-field = Votre message
message-body-hint = L'autre personne est prévenue par courriel qu'un message l'attend (sans son contenu).
message-send = Envoyer
message-reported = Signalé
report-message = Signaler ce message
report-reason-field = Pourquoi ?
report-submit = Signaler à la coordination
safety-title = Un souci ?
block-field = Mettre fin au contact maintenant (la relation est suspendue jusqu'à ce que la coordination la revoie)
report-relationship-submit = Prévenir la coordination
block-confirm = La relation sera suspendue tout de suite : plus de messages ni de rencontres jusqu'à ce que la coordination la revoie, et cette personne ne vous sera plus jamais proposée.
reports-title = Signalements
report-kind-block = Fin de contact
report-kind-message = Message signalé
report-kind-relationship = Relation signalée
report-line = { $kind } par { $who }, le { $when } : { $reason }
mentorship-suspended = Cette relation est suspendue : l'une des deux personnes a mis fin au contact. La coordination du cercle va la revoir.
review-title = Revoir la relation
review-lead = Un signalement attend. Après avoir parlé aux deux personnes, laissez la relation continuer ou close-la.
review-resume = La relation peut continuer
review-close = Clore la relation
review-close-confirm = Clore cette relation ? Les deux personnes seront libres d'en commencer une autre.
error-nothing-to-review = Rien n'attend de revue pour cette relation.
checkin-title = Point d'étape
checkin-open = Répondre au point d'étape
checkin-lead = Comment se passe votre relation avec { $name } ?
checkin-mood-field = Comment ça se passe ?
checkin-mood-5 = Très bien
checkin-mood-4 = Bien
checkin-mood-3 = Moyennement
checkin-mood-2 = Difficilement
checkin-mood-1 = Mal
checkin-met-field = Vous êtes-vous rencontrés depuis le dernier point ?
checkin-note-field = Quelque chose que la coordination devrait savoir ?
checkin-note-hint = Facultatif. Seule la coordination du cercle le lit.
checkin-submit = Envoyer ma réponse
checkin-none = Aucun point d'étape n'est ouvert pour l'instant : le premier arrive un mois après le début de la relation.
checkin-thanks = Merci, votre réponse est enregistrée.
checkin-trend = Points d'étape
checkin-line = Point { $round } — { $who } : { $mood }, rencontre : { $met }
checkin-flag-line = { $mood }, le { $when }
error-no-checkin = Aucun point d'étape n'est ouvert pour l'instant.
error-checkin-mood = Choisissez comment ça se passe.
error-checkin-answered = Vous avez déjà répondu à ce point d'étape.
follow-title = Relations à suivre : signalements et points d'étape
follow-national-lead = Les points d'étape des 90 derniers jours, sur tout le réseau (les réponses elles-mêmes ne sont lues que par la coordination de chaque cercle).
follow-answers = { $count ->
    [one] 1 réponse
   *[other] { $count } réponses
}
follow-mood = Humeur moyenne : { $mood } sur 5
follow-met = { $count ->
    [one] 1 réponse dit s'être rencontré
   *[other] { $count } réponses disent s'être rencontrés
}
follow-flagged = { $count ->
    [one] 1 réponse à regarder
   *[other] { $count } réponses à regarder
}
follow-reports = { $count ->
    [0] aucun signalement en attente
    [one] 1 signalement en attente
   *[other] { $count } signalements en attente
}
follow-no-report = Aucun signalement en attente.
follow-flagged-title = Réponses à regarder (90 derniers jours)
follow-no-flag = Aucune réponse à regarder : tout va bien.
space-volunteer = Mon bénévolat
profile-title = Mon profil de mentor
profile-form-title = Ce que je propose
profile-submit = Enregistrer mon profil
pause-title = Faire une pause
pause-lead = Vous n'êtes plus proposé dans l'annuaire ni dans les propositions jusqu'à la date choisie ; vos relations en cours continuent.
pause-until-field = Jusqu'au
pause-submit = Faire une pause
pause-until = En pause jusqu'au { $date }.
pause-expired = En pause : plusieurs demandes sont restées sans réponse. Revenez quand vous êtes disponible.
pause-coordination = En pause à la demande de la coordination : contactez-la pour revenir.
resume-submit = Je suis de nouveau disponible
error-pause-date = Choisissez une date à venir, dans moins d'un an.
error-not-available = Vous n'êtes pas disponible en ce moment : rien à mettre en pause.
error-not-paused = Vous n'êtes pas en pause.
error-capacity-below-mentees = Vous accompagnez déjà plus de personnes que ce nombre.
certificate-title = Attestation de bénévolat
certificate-association = L'association { $name } atteste que :
certificate-body = { $name } a consacré { $hours } heures de bénévolat au mentorat, au cours de { $meetings } rencontres, en accompagnant { $porteurs } porteur(s) de projet.
certificate-year = Période : année { $year }.
certificate-period = Période : du { $from } au { $to }.
certificate-no-meeting = Aucune rencontre n'est encore enregistrée.
certificate-purpose = Attestation délivrée pour servir et valoir ce que de droit.
certificate-issued = Fait le { $date }
certificate-pdf = Télécharger en PDF
certificate-years = Choisir une année
certificate-all-years = Toutes les années
error-year = Année inconnue.
hours-title = Heures de bénévolat
hours-lead = Les heures de rencontre des mentors, par cercle et par mois, valorisées au taux horaire choisi (bénévolat valorisé), pour un tableur.
hours-year-field = Année
hours-rate-field = Taux horaire (€)
hours-rate-hint = Par exemple le SMIC horaire brut.
hours-submit = Télécharger le tableau (CSV)
hours-no-circle = Hors cercle
hours-total = Total
hours-csv-circle = Cercle
hours-csv-month = Mois
hours-csv-mentors = Mentors
hours-csv-meetings = Rencontres
hours-csv-hours = Heures
hours-csv-value = Valorisation (€)
email-message-subject = Un message vous attend
email-message-p1 = Vous avez reçu un message dans votre relation de mentorat. Pour le lire et répondre, ouvrez la plateforme.
email-message-action = Lire le message
email-reported-subject = Un signalement dans une relation de votre cercle
email-reported-p1 = L'une des deux personnes d'une relation de mentorat a signalé un message ou la relation. Prenez-en connaissance et contactez-les.
email-reported-action = Voir la relation
email-blocked-subject = Une relation suspendue dans votre cercle
email-blocked-p1 = L'une des deux personnes d'une relation de mentorat a mis fin au contact : la relation est suspendue jusqu'à votre revue.
email-blocked-action = Voir la relation
email-checkin-subject = Comment se passe votre mentorat ?
email-checkin-p1 = C'est le moment de faire le point. Choisissez une réponse ci-dessous : la page s'ouvre avec votre choix, il ne reste qu'à confirmer.
email-request-lapsed-subject = Une demande est restée sans réponse
email-request-lapsed-p1 = Une demande de mentorat a expiré sans réponse de votre part. Si vous n'êtes pas disponible, faites une pause depuis votre espace : vous ne recevrez plus de demandes jusqu'à votre retour.
email-request-lapsed-action = Ouvrir mon espace
email-mentor-silent-subject = Un mentor ne répond plus aux demandes
email-mentor-silent-p1 = Un mentor de votre cercle a laissé plusieurs demandes expirer sans réponse. Prenez de ses nouvelles.
email-mentor-silent-action = Voir sa fiche
email-mentor-paused-subject = Votre profil de mentor est en pause
email-mentor-paused-p1 = Plusieurs demandes sont restées sans réponse : votre profil est mis en pause et n'apparaît plus dans l'annuaire. Pour revenir, ouvrez votre espace, puis « Mon profil de mentor » et « Je suis de nouveau disponible ».
email-mentor-paused-action = Ouvrir mon espace
request-see = Voir la demande
mentor-last-active = dernière activité le { $date }
mentor-never-active = aucune activité encore
vetting-fact-last-active = Dernière activité
vetting-fact-expired = Demandes expirées sans réponse (depuis sa dernière réponse)
error-reference = Référence à donner si vous nous écrivez : { $id }

## Privacy duties: retention periods, export, erasure, access log, consents, register
error-period = Indiquez un nombre entier dans les limites indiquées.
error-minor-consent = Si tu as moins de 15 ans, lis le texte « Pour toi, si tu as moins de 15 ans » et coche la case pour dire que tu es d'accord.
association-retention-registrations-months = Inscriptions aux événements passés (mois)
association-retention-registrations-months-hint = Durée de conservation des inscriptions des personnes sans compte, après l'événement. De 1 à 120 mois ; 12 par défaut.
association-retention-requests-months = Messages de contact et demandes d'accueil (mois)
association-retention-requests-months-hint = Durée de conservation après leur clôture. De 1 à 120 mois ; 12 par défaut.
association-retention-relationship-months = Messages et notes d'une relation close (mois)
association-retention-relationship-months-hint = Messages, commentaires des points d'étape et notes privées, après la fin de la relation. De 1 à 120 mois ; 12 par défaut.
association-retention-mail-days = Contenu des e-mails envoyés (jours)
association-retention-mail-days-hint = De 1 à 3 650 jours ; 30 par défaut.
association-retention-audit-months = Journal des accès et des actions (mois)
association-retention-audit-months-hint = De 1 à 120 mois ; 12 par défaut.
association-retention-inactive-months = Comptes inutilisés (mois)
association-retention-inactive-months-hint = Après ce délai sans connexion, la personne est prévenue par e-mail, puis son compte est effacé 30 jours plus tard. De 12 à 120 mois ; 36 par défaut.
association-erasure-grace-days = Délai avant un effacement demandé (jours)
association-erasure-grace-days-hint = La personne peut annuler sa demande pendant ce délai. De 0 à 90 jours ; 30 par défaut.
association-backup-days = Conservation des sauvegardes (jours)
association-backup-days-hint = Ce que la page des données personnelles annonce ; réglez vos sauvegardes en conséquence. De 1 à 3 650 jours ; 30 par défaut.
email-deletion-action = Ouvrir mon compte
email-partner-left-subject = Votre relation de mentorat est close
email-partner-left-p1 = La personne avec qui vous étiez en relation de mentorat a supprimé son compte : la relation est close. Merci pour le temps donné ; vos rencontres restent comptées dans votre espace.
email-partner-left-action = Ouvrir mon espace
email-inactive-subject = Votre compte sera supprimé faute d'utilisation
email-inactive-p1 = Vous ne vous êtes pas connecté depuis longtemps. Pour protéger vos données, votre compte et vos données seront supprimés le { $date }. Pour garder votre compte, il suffit de vous connecter d'ici là.
email-inactive-action = Me connecter
delete-cancelled = Votre demande de suppression est annulée : votre compte est conservé.
erasure-done = L'effacement est fait.
erasure-pending-title = Suppression prévue
erasure-pending = Votre compte et vos données seront supprimés le { $date }. Vous pouvez encore changer d'avis.
erasure-cancel = Garder mon compte
export-title = Mes données
export-account-lead = Téléchargez tout ce que la plateforme garde sur vous : un fichier pour le lire (page web) et un fichier pour le transmettre à un autre service (JSON), dans une archive ZIP.
export-download = Télécharger mes données
export-lead = Toutes les données que la plateforme garde sur vous, au { $date }.
export-empty = Aucune donnée.
export-section-account = Compte
export-section-roles = Rôles
export-section-mentor-application = Candidature de mentor et vérifications
export-section-mentor-fields = Domaines d'expérience
export-section-projects = Projets et accords
export-section-project-fields = Domaines des projets
export-section-requests = Demandes de mentorat
export-section-mentorships = Relations de mentorat
export-section-meetings = Rencontres
export-section-goals = Objectifs
export-section-messages = Messages
export-section-checkins = Points d'étape
export-section-feedback = Avis donnés
export-section-feedback-outcomes = Ce qui a changé (cases cochées avec vos avis)
export-section-api-tokens = Jetons d'API (leur nom, leurs droits, leurs dates ; jamais le secret)
export-section-reports = Signalements faits
export-section-registrations = Inscriptions aux événements
export-section-contact-messages = Messages de contact
export-section-hosting-requests = Demandes d'accueil d'une conférence
export-section-emails-received = E-mails reçus
export-section-access-log = Qui a consulté vos données
action-deletion_cancelled = Suppression annulée
action-account_erased = Compte effacé
action-data_exported = Données téléchargées
action-mentor_viewed = Candidature consultée
action-mentorship_viewed = Relation consultée
action-request_viewed = Demande consultée
action-thread_read = Messages d'un mineur lus
action-hours_exported = Heures de bénévolat exportées
action-parental_consent_withdrawn = Accord parental retiré
action-minor_consent = Accord du porteur mineur
action-minor_consent_withdrawn = Accord du porteur mineur retiré
action-api_token_created = Jeton d'API créé
action-api_token_revoked = Jeton d'API révoqué
action-impact_report_exported = Rapport d'impact exporté
action-import_done = Import de fichier terminé
action-list_exported = Export de liste
action-qpv_imported = Quartiers prioritaires importés
action-registrations_viewed = Inscriptions consultées
audit-person = Qui a consulté les données de
audit-person-hint = L'adresse e-mail de la personne.
audit-viewer = Ce qu'a consulté
audit-viewer-hint = L'adresse e-mail de la personne qui a consulté.
audit-unknown-person = Aucun compte n'a cette adresse e-mail.
erasures-title = Effacements de comptes
erasures-lead = { $days ->
    [one] Un compte dont la suppression est demandée est effacé { $days } jour après la demande, sauf si la personne annule.
   *[other] Un compte dont la suppression est demandée est effacé { $days } jours après la demande, sauf si la personne annule.
}
erasures-count = { $count ->
    [one] { $count } effacement en attente
   *[other] { $count } effacements en attente
}
erasures-empty = Aucun effacement en attente.
erasures-who = Personne
erasures-asked = Demandé le
erasures-due = Prévu le
erasures-action = Action
erasure-now = Effacer maintenant
erasure-now-confirm = Effacer ce compte maintenant ? Ses données personnelles seront supprimées définitivement.
erasure-letter-title = Une demande reçue par courrier
erasure-letter-lead = Après avoir vérifié l'identité de la personne, effacez son compte tout de suite.
erasure-letter-submit = Effacer ce compte
erasure-unknown = Aucun compte n'a cette adresse e-mail.
erasure-address-confirm = Effacer maintenant le compte de { $email } ? Ses données personnelles seront supprimées définitivement.
register-title = Registre des traitements
register-lead = Le registre des activités de traitement (article 30 du RGPD), rempli à partir des réglages de l'association.
register-download = Télécharger le registre
register-activities = Activités de traitement
register-controller = Responsable du traitement
register-facet-purpose = Finalité
register-facet-basis = Base légale
register-facet-people = Personnes concernées
register-facet-data = Données
register-facet-recipients = Destinataires
register-facet-retention = Durée de conservation
register-events = Conférences et inscriptions
register-events-purpose = Organiser les conférences publiques et les éditions des cercles, prévenir les inscrits, compter les présents.
register-events-basis = Intérêt légitime de l'association ; consentement pour être recontacté.
register-events-people = Personnes inscrites à un événement.
register-events-data = Nom, adresse e-mail, téléphone (facultatif), comment la personne a connu l'événement, présence.
register-events-recipients = Équipe nationale, coordination du cercle, association qui accueille l'événement.
register-events-retention = { $n } mois après l'événement pour les personnes sans compte (le nombre d'inscrits et de présents est gardé).
register-mentors = Candidatures et profils de mentors
register-mentors-purpose = Vérifier et présenter les mentors bénévoles, attester leurs heures.
register-mentors-basis = Engagement bénévole (mesures précontractuelles et contrat).
register-mentors-people = Mentors et candidats.
register-mentors-data = Identité, coordonnées, commune, domaines et années d'expérience, présentation, disponibilités, langues, date d'entretien, date de vérification, charte acceptée.
register-mentors-recipients = Équipe nationale, coordination du cercle ; les porteurs voient le prénom, l'initiale, les domaines et la présentation.
register-mentors-retention = Tant que le compte existe ; un compte inutilisé pendant { $inactive } mois est effacé après un avertissement.
register-projects = Projets et mises en relation
register-projects-purpose = Recueillir les projets, proposer des mentors, former les binômes.
register-projects-basis = Consentement de la personne (et, avant 15 ans, le sien et celui d'un parent).
register-projects-people = Porteurs de projet, parents des moins de 15 ans.
register-projects-data = Identité, coordonnées, année de naissance, commune, projet, langues, nom et adresse d'un parent avant 15 ans, accords donnés.
register-projects-recipients = Coordination du cercle, équipe nationale ; les mentors sollicités voient le prénom, l'initiale et le projet ; le mentor voit les coordonnées.
register-projects-retention = Tant que le compte existe ; un compte inutilisé pendant { $inactive } mois est effacé après un avertissement.
register-relationships = Relations de mentorat
register-relationships-purpose = Suivre la relation : rencontres, objectifs, messages, points d'étape, avis, signalements.
register-relationships-basis = Intérêt légitime et engagement des deux personnes.
register-relationships-people = Mentors et porteurs en relation.
register-relationships-data = Rencontres (date, durée, sujets, notes), objectifs, messages, réponses aux points d'étape, avis de fin, signalements.
register-relationships-recipients = Les deux personnes ; la coordination du cercle pour les signalements, les points d'étape signalés et les messages d'un mineur.
register-relationships-retention = Messages, commentaires et notes privées : { $n } mois après la fin de la relation ; dates et durées des rencontres gardées pour les attestations et les chiffres.
register-requests = Contact et demandes d'accueil
register-requests-purpose = Répondre aux messages et aux associations qui veulent accueillir une conférence.
register-requests-basis = Intérêt légitime.
register-requests-people = Personnes qui écrivent à l'association.
register-requests-data = Nom, adresse e-mail, téléphone, message, association.
register-requests-recipients = Équipe nationale.
register-requests-retention = { $n } mois après leur clôture.
register-mails = E-mails envoyés
register-mails-purpose = Envoyer les e-mails de la plateforme et savoir s'ils sont partis.
register-mails-basis = Intérêt légitime.
register-mails-people = Toute personne qui reçoit un e-mail de la plateforme.
register-mails-data = Adresse, objet, contenu du message.
register-mails-recipients = Équipe nationale, prestataire d'envoi des e-mails.
register-mails-retention = Contenu effacé { $n } jours après l'envoi.
register-security = Sécurité et journal des accès
register-security-purpose = Protéger les comptes, savoir qui a consulté les données de qui.
register-security-basis = Obligation de sécurité (article 32 du RGPD).
register-security-people = Toute personne qui a un compte.
register-security-data = Connexions, consultations de dossiers, actions sur les comptes, sessions.
register-security-recipients = Équipe nationale ; chaque personne retrouve les consultations de ses données dans son export.
register-security-retention = Journal : { $n } mois ; sessions et liens : jusqu'à leur expiration.
privacy-erasure-title = Effacement de votre compte
privacy-erasure = { $days ->
    [one] Quand vous demandez la suppression de votre compte, elle a lieu { $days } jour plus tard ; d'ici là, vous pouvez annuler depuis « Mon compte ». Vos données personnelles sont alors supprimées, y compris dans les e-mails envoyés à d'autres personnes qui vous nomment.
   *[other] Quand vous demandez la suppression de votre compte, elle a lieu { $days } jours plus tard ; d'ici là, vous pouvez annuler depuis « Mon compte ». Vos données personnelles sont alors supprimées, y compris dans les e-mails envoyés à d'autres personnes qui vous nomment.
}
privacy-kept-lead = L'association garde, sans rien qui vous nomme ni permette de vous joindre (sous un identifiant anonyme) :
privacy-kept-1 = le fait qu'une candidature, un projet, une demande ou une relation de mentorat a existé, avec ses dates, ses domaines et sa commune ;
privacy-kept-2 = les dates et durées des rencontres (les heures de bénévolat de l'autre personne en dépendent) et les notes de satisfaction ;
privacy-kept-3 = les inscriptions aux événements et la présence, pour les chiffres des événements ;
privacy-kept-4 = le journal des accès (qui a consulté quoi et quand), jusqu'à la fin de sa durée de conservation.
privacy-backups = { $days ->
    [one] Les sauvegardes sont gardées { $days } jour : une personne effacée peut encore y figurer pendant ce temps ; si une sauvegarde est restaurée, les effacements faits depuis sont appliqués à nouveau.
   *[other] Les sauvegardes sont gardées { $days } jours : une personne effacée peut encore y figurer pendant ce temps ; si une sauvegarde est restaurée, les effacements faits depuis sont appliqués à nouveau.
}
privacy-minors-title = Les moins de 15 ans
privacy-minors = Avant 15 ans, un projet n'est proposé à aucun mentor sans deux accords : celui de la personne, après un texte écrit pour elle, et celui d'un parent, par un lien envoyé par e-mail. Chacun peut retirer son accord à tout moment ; les mises en relation s'arrêtent alors.
privacy-rights-how = Pour télécharger vos données ou supprimer votre compte :
privacy-cnil-address = CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
consent-notice-no-circle = un cercle sera choisi près de chez vous
consent-notice-unknown = Ce lien n'est plus valable.
minor-notice-title = Pour toi, si tu as moins de 15 ans
minor-notice = Tu nous confies ton prénom, ton nom, ton adresse e-mail, ta commune et ton projet. Nous les utilisons pour te proposer un mentor bénévole près de chez toi, vérifié par l'équipe de ton cercle. Seuls ton mentor et l'équipe de ton cercle voient ton adresse ; les mentors que tu contactes voient ton prénom, l'initiale de ton nom et ton projet. Un de tes parents doit aussi être d'accord : nous lui envoyons un e-mail. Tu peux changer d'avis quand tu veux, depuis ton espace : plus personne ne te sera alors proposé. Nous effaçons tes messages et notes quelque temps après la fin d'une relation, et ton compte si tu ne t'en sers plus pendant longtemps : les durées exactes sont sur la page « Données personnelles ».
minor-consent-field = J'ai lu ce texte et je suis d'accord.
minor-consent-withdraw = Retirer mon accord
minor-consent-withdraw-confirm = Retirer ton accord ? Plus aucun mentor ne te sera proposé pour ce projet.
consent-withdrawn-space = Un accord a été retiré : aucun mentor n'est proposé pour ce projet.

## Priority neighbourhoods (QPV) and files imported
error-file-empty = Le fichier est vide ou illisible : choisissez un fichier CSV enregistré depuis un tableur.
error-file-unreadable = Le fichier n'a pas pu être lu. Réessayez avec un fichier CSV.
error-qpv-columns = Colonnes introuvables : le fichier doit avoir une colonne code_qp, une colonne nom_qp et une colonne des codes INSEE des communes (insee_com).
error-qpv-code = Code de quartier invalide (attendu : QN suivi de lettres et chiffres, par exemple QN07501M).
error-import-missing = Champ obligatoire vide.
error-import-commune-unknown = Commune inconnue : indiquez son code INSEE, son code postal ou son nom exact.
error-qpv-choice = Choisissez l'un des quartiers proposés, « Non » ou « Je ne sais pas ».
qpv-admin-title = Quartiers prioritaires
qpv-admin-lead = La liste officielle des quartiers prioritaires de la politique de la ville (QPV) est publiée par l'ANCT en données ouvertes. Chargez-la ici : chaque porteur et chaque mentor peut ensuite dire s'il habite l'un des quartiers de sa commune.
qpv-admin-count = { $count ->
    [0] Aucun quartier chargé pour le moment.
    [one] { $count } quartier chargé.
   *[other] { $count } quartiers chargés.
}
qpv-admin-upload = Charger un fichier
qpv-admin-columns = Fichier CSV avec les colonnes code_qp (code du quartier), nom_qp (son nom) et insee_com (le code INSEE de la commune ; plusieurs codes séparés par des virgules, ou une ligne par commune). Charger deux fois le même fichier ne change rien.
qpv-admin-submit = Charger la liste
qpv-imported = { $created } quartiers ajoutés, { $updated } mis à jour, { $refused } lignes écartées.
import-file-field = Fichier CSV
import-refused-title = Lignes écartées
import-line = Ligne
import-column = Colonne
import-reason = Raison
qpv-choice-title = Mon quartier
qpv-account-lead = Dites-nous si vous habitez un quartier prioritaire : ces chiffres, toujours anonymes, aident le réseau à obtenir ses financements.
qpv-choice-link = Indiquer mon quartier
qpv-choice-lead = Cette réponse est facultative. Elle ne sert qu'à compter, de façon anonyme, les personnes des quartiers prioritaires que le réseau accompagne.
qpv-choice-question = Habitez-vous l'un des quartiers prioritaires de { $commune } ?
qpv-choice-none-here = Aucun quartier prioritaire de { $commune } n'est connu de la plateforme.
qpv-choice-no-commune = Nous ne connaissons pas encore votre commune. Elle est demandée quand vous proposez un projet ou devenez mentor.
qpv-choice-go-space = Aller à mon espace
qpv-choice-saved = Votre réponse est enregistrée.
qpv-answer-no = Non
qpv-answer-unknown = Je ne sais pas
save = Enregistrer

## Outcomes ticked with the closing feedback
outcomes-field = Qu'est-ce qui a changé pour vous ? (cochez tout ce qui s'applique)
outcome-launched = Mon projet a démarré
outcome-job_or_training = J'ai trouvé un emploi ou une formation
outcome-business_created = J'ai créé une entreprise
outcome-association_created = J'ai créé une association
outcome-project_changed = Mon projet a changé de direction
outcome-stopped = J'ai arrêté mon projet

## The API's documentation and personal tokens
api-docs-title = API : documentation
api-docs-lead = Les outils de nos partenaires peuvent lire les données du réseau par une API JSON, avec les mêmes droits que sur le site. Cette page est faite à partir du document OpenAPI ci-dessous.
api-docs-document = Le document OpenAPI 3.1 (JSON)
api-docs-operations = Opérations
api-docs-token = Demande un jeton personnel (ou la session du site).
api-docs-public = Ouvert à tous.
api-docs-parameters = Paramètres
api-docs-in = Où
api-docs-description = Description
api-docs-body = Corps de la requête :
api-docs-schemas = Objets
api-docs-field = Champ
api-docs-type = Type
api-tokens-title = Mes jetons d'API
api-tokens-lead = Un jeton permet à un outil (tableur, logiciel de votre association) de lire vos données du réseau avec vos droits. Il n'est montré qu'une fois : copiez-le aussitôt. Révoquez-le dès qu'il ne sert plus.
api-tokens-empty = Vous n'avez aucun jeton. Créez-en un ci-dessous si un outil doit lire vos données.
api-tokens-label = Nom du jeton (pour le reconnaître)
api-tokens-scope = Droits
api-tokens-scope-read = Lecture seule
api-tokens-scope-read_write = Lecture et écriture
api-tokens-days = Durée de validité
api-tokens-days-option = { $days } jours
api-tokens-create = Créer le jeton
api-tokens-created = Voici votre jeton. Copiez-le maintenant : il ne sera plus jamais affiché.
api-tokens-used = Dernière utilisation
api-tokens-never-used = Jamais
api-tokens-expires = Expire le
api-tokens-created-on = Créé le
api-tokens-state = État
api-tokens-live = Actif
api-tokens-revoked = Révoqué
api-tokens-expired = Expiré
api-tokens-revoke = Révoquer
api-tokens-revoke-confirm = Révoquer ce jeton ? Les outils qui s'en servent n'auront plus accès.
api-tokens-revoked-done = Le jeton est révoqué.
api-tokens-docs = Documentation de l'API
error-too-many-tokens = Vous avez déjà dix jetons actifs : révoquez-en un avant d'en créer un autre.

## The impact report
impact-title = Rapport d'impact
impact-lead = Les chiffres du mentorat sur une période et un territoire, pour les financeurs et les partenaires. Les effectifs de moins de cinq personnes ne sont jamais affichés. Les chiffres sont recalculés toutes les cinq minutes.
impact-from = Du
impact-to = Au (inclus)
impact-scope = Territoire
impact-show = Afficher le rapport
impact-scope-network = Tout le réseau
impact-scope-region = Région { $name }
impact-scope-departement = Département { $name } ({ $code })
impact-scope-circle = { $elide ->
    [yes] Cercle des Mentors d'{ $name }
   *[no] Cercle des Mentors de { $name }
}
impact-heading = { $scope }, du { $from } au { $to }
impact-suppression-note = « < 5 » : moins de cinq personnes (chiffre masqué pour protéger leur anonymat ; un autre chiffre peut l'être aussi, pour que le total ne le révèle pas).
impact-csv = Télécharger (CSV)
impact-print = Version imprimable
impact-csv-section = Rubrique
impact-csv-indicator = Indicateur
impact-csv-value = Valeur
impact-hidden = < 5
impact-too-few = moins de 5 réponses
impact-average = { $avg } sur 5 ({ $n } réponses)
impact-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
impact-porteurs = Porteurs de projet
impact-porteurs-total = Porteurs ayant déposé un projet
impact-porteurs-qpv = dont habitant un quartier prioritaire (QPV)
impact-porteurs-qpv-share = Part des porteurs issus d'un QPV
impact-projects = Projets
impact-projects-total = Projets déposés
impact-projects-by-field = Projets par domaine
impact-projects-by-stage = Projets par étape
impact-mentoring = Demandes et relations de mentorat
impact-requests-made = Demandes faites à un mentor
impact-requests-accepted = Demandes acceptées
impact-mentorships-started = Relations commencées
impact-mentorships-closed = Relations closes
impact-median-days = Délai médian entre le dépôt du projet et le début du mentorat
impact-meetings = Rencontres
impact-meetings-count = Rencontres tenues
impact-volunteer-hours = Heures de bénévolat des mentors
impact-satisfaction = Satisfaction
impact-checkin-satisfaction = Satisfaction aux points d'étape
impact-closing-satisfaction = Satisfaction à la clôture
impact-outcomes = Ce qui a changé pour les porteurs (cases cochées à la clôture)
impact-outcomes-answers = Porteurs ayant donné leur avis de clôture
impact-mentors = Mentors
impact-mentors-total = Mentors validés (nouveaux sur la période)
impact-mentors-value = { $total } (dont { $new } nouveaux)
impact-mentors-by-circle = Mentors par cercle (nouveaux sur la période)
error-impact-dates = Dates invalides : indiquez deux dates (jj/mm/aaaa), la première avant la seconde.
error-impact-scope = Territoire inconnu : choisissez-en un dans la liste.

## Accounts made from an imported spreadsheet (GDPR art. 14)
email-imported-subject = Votre compte sur la plateforme des Cercles des Mentors
email-imported-p1 = { $controller } a enregistré vos coordonnées sur la plateforme des Cercles des Mentors, à partir d'un fichier transmis par votre cercle ou votre association partenaire. Choisissez votre mot de passe pour y accéder (le lien est valable 7 jours).
email-imported-p2 = Pourquoi : pour organiser le mentorat du réseau (mise en relation entre mentors et porteurs de projet de votre territoire, suivi des relations, chiffres anonymes du réseau). Seuls les coordinateurs de votre cercle et l'équipe nationale voient vos coordonnées.
email-imported-p3 = Combien de temps : tant que vous utilisez votre compte ; un compte inutilisé pendant { $months } mois est effacé, après un avertissement.
email-imported-p4 = Vous pouvez vous y opposer à tout moment : répondez à ce message, ou demandez l'effacement de votre compte dans « Mon compte ». Vos droits et la façon de les exercer sont décrits sur { $site }/confidentialite.
email-imported-action = Choisir mon mot de passe

## Importing people from a spreadsheet
import-title = Importer un fichier
import-lead = Ajoutez d'un coup les personnes que votre association suit déjà dans un tableur. Rien n'est enregistré avant que vous ayez vu et confirmé l'aperçu ; importer deux fois le même fichier ne change rien.
import-mentors-title = Des mentors déjà validés
import-mentors-lead = Mentors rencontrés et vérifiés par votre association : prénom, nom, adresse e-mail, commune (code INSEE, code postal ou nom), domaines, date de l'entretien (jj/mm/aaaa), antécédents vérifiés (oui/non). Chacun reçoit une invitation à choisir son mot de passe et accepte la charte à sa première connexion. Fichier CSV enregistré depuis un tableur (point-virgule ou virgule, UTF-8 ou Windows-1252).
import-template = Télécharger le modèle (CSV)
import-preview = Voir l'aperçu
import-past = Mes derniers imports
import-status-previewed = Aperçu : rien n'est encore enregistré. Vérifiez puis confirmez.
import-status-running = Import en cours…
import-status-done = Import terminé.
import-status-failed = L'import s'est arrêté sur une erreur ; les lots déjà écrits sont gardés. Réessayez : les personnes déjà importées seront laissées telles quelles.
import-progress = { $done } lignes traitées sur { $total }
import-refresh = Rafraîchir
import-count-created = { $count ->
    [0] Aucune personne à créer
    [one] { $count } personne créée
   *[other] { $count } personnes créées
}
import-count-updated = { $count ->
    [0] Aucun compte à compléter
    [one] { $count } compte existant complété
   *[other] { $count } comptes existants complétés
}
import-count-unchanged = { $count ->
    [0] Aucune personne déjà présente
    [one] { $count } personne déjà présente (laissée telle quelle)
   *[other] { $count } personnes déjà présentes (laissées telles quelles)
}
import-count-refused = { $count ->
    [0] Aucune ligne écartée
    [one] { $count } ligne écartée
   *[other] { $count } lignes écartées
}
import-count-created-partners = { $count ->
    [0] Aucune association à ajouter
    [one] { $count } association ajoutée
   *[other] { $count } associations ajoutées
}
import-count-unchanged-partners = { $count ->
    [0] Aucune association déjà connue
    [one] { $count } association déjà connue (laissée telle quelle)
   *[other] { $count } associations déjà connues (laissées telles quelles)
}
import-count-created-registrations = { $count ->
    [0] Aucune inscription à faire
    [one] { $count } personne inscrite
   *[other] { $count } personnes inscrites
}
import-count-unchanged-registrations = { $count ->
    [0] Aucune adresse déjà inscrite
    [one] { $count } adresse déjà inscrite (laissée telle quelle)
   *[other] { $count } adresses déjà inscrites (laissées telles quelles)
}
import-who-partners = Association
import-who-registrations = Personne
import-who = Personne
import-what = Ce qui sera fait
import-accepted-title = Lignes retenues
import-will-create = Compte créé, invitation envoyée
import-will-update = Compte existant : profil de mentor ajouté
import-unchanged = Déjà présent : rien ne change
import-more = Seules les 500 premières lignes de chaque tableau sont affichées ; les nombres ci-dessus comptent tout le fichier.
import-confirm = Confirmer l'import
import-confirm-question = Importer ces lignes et envoyer les invitations ?
import-cancel = Annuler
import-again = Importer un autre fichier
error-import-columns = Colonnes introuvables : partez du modèle de ce type de fichier (ses colonnes obligatoires doivent y être).
error-import-too-long = Le fichier a trop de lignes (60 000 au plus) : découpez-le.
error-import-duplicate-email = Cette adresse figure déjà plus haut dans le fichier (ligne { $detail }).
import-associations-title = Des associations partenaires
import-associations-lead = Les associations qui accueillent les conférences ou relaient le mentorat : nom, commune (code INSEE, code postal ou nom), adresse e-mail de contact, cercle (son adresse courte, par exemple compiegne, ou le nom de sa ville ; sinon le cercle de leur commune), langue (fr/en), description. Une association déjà connue sous ce nom est laissée telle quelle. Aucun message n'est envoyé.
import-registrations-title = Importer des inscriptions
import-registrations-lead = Les personnes inscrites ailleurs (sur papier, dans un autre outil) : prénom, nom, adresse e-mail, téléphone, accord pour être recontacté après la conférence (oui/non), langue (fr/en). Les places restantes sont attribuées dans l'ordre du fichier, puis la liste d'attente. Chacune reçoit sa confirmation avec le lien pour annuler, et apprend d'où viennent ses coordonnées. Une adresse déjà inscrite, même désinscrite depuis, est laissée telle quelle.
import-registrations-link = Importer des inscriptions (CSV)
import-porteurs-title = Des porteurs de projet et leur projet
import-porteurs-lead = Les porteurs que votre association accompagne déjà : prénom, nom, adresse e-mail, commune, année de naissance, titre et description du projet, domaines, stade (idée, préparation, lancement, en activité), aide souhaitée, langue. Chaque projet arrive « soumis » et l'équipe du cercle le relit comme les autres. Moins de 15 ans : le nom et l'adresse e-mail d'un parent sont obligatoires ; le parent reçoit le lien pour donner son accord, et le porteur donne le sien à sa première connexion. Une adresse qui a déjà un compte est laissée telle quelle.
import-will-create-porteurs = Compte et projet créés, invitation envoyée
import-confirm-question-porteurs = Importer ces porteurs et leurs projets, et envoyer les invitations ?
import-who-porteurs = Personne
import-count-created-porteurs = { $count ->
    [0] Aucun porteur à créer
    [one] { $count } porteur créé avec son projet
   *[other] { $count } porteurs créés avec leur projet
}
import-count-unchanged-porteurs = { $count ->
    [0] Aucune adresse déjà connue
    [one] { $count } adresse qui a déjà un compte (laissée telle quelle)
   *[other] { $count } adresses qui ont déjà un compte (laissées telles quelles)
}
error-import-stage = Stade inconnu : idée, préparation, lancement ou en activité.
error-import-parent = Moins de 15 ans : indiquez le nom et l'adresse e-mail d'un parent.
error-import-parent-same = L'adresse du parent doit être différente de celle du porteur.
minor-first-lead = Ton association t'a inscrit sur la plateforme pour t'aider à trouver un mentor. Avant de commencer, lis ce texte : c'est à toi de dire si tu es d'accord.
minor-consent-give = Je suis d'accord
back-to-registrations = Retour aux inscriptions
import-registrations-where = Les inscriptions à une conférence s'importent depuis la page de ses inscriptions : « Importer des inscriptions (CSV) ».
import-will-create-partners = Association ajoutée
import-will-create-registrations = Inscription, confirmation envoyée
import-confirm-question-partners = Ajouter ces associations ?
import-confirm-question-registrations = Inscrire ces personnes et leur envoyer leur confirmation ?
error-import-duplicate-name = Cette association figure déjà plus haut dans le fichier (ligne { $detail }).
error-import-not-your-circle = Cette commune n'est dans aucun des cercles que vous coordonnez : l'équipe nationale ou le cercle concerné peut importer cette ligne.
error-import-circle = Cercle inconnu : indiquez l'adresse courte du cercle (par exemple compiegne) ou le nom de sa ville.
email-registration-imported-subject = Votre inscription : { $title }
email-registration-imported-p1 = { $controller } vous a inscrit à « { $title } », { $when }, { $venue }, à partir de la liste transmise par l'association qui organise la rencontre. Votre place est réservée ; le fichier joint ajoute l'événement à votre agenda.
email-registration-imported-p2 = Pourquoi : pour vous accueillir à la conférence et, si vous l'avez accepté, vous recontacter au sujet du mentorat. Seuls les organisateurs de la rencontre voient vos coordonnées.
email-registration-imported-p3 = Combien de temps : { $months } mois après la rencontre, puis elles sont effacées. Vous pouvez vous y opposer à tout moment : annulez votre inscription avec le lien ci-dessous, ou répondez à ce message. Vos droits sont décrits sur { $site }/confidentialite.
email-registration-imported-action = Annuler mon inscription
email-registration-imported-waitlisted-subject = Liste d'attente : { $title }
email-registration-imported-waitlisted-p1 = { $controller } vous a inscrit sur la liste d'attente de « { $title } » ({ $when }, { $venue }), à partir de la liste transmise par l'association qui organise la rencontre. Si une place se libère, elle vous sera attribuée dans l'ordre et nous vous préviendrons.
email-registration-imported-waitlisted-p2 = Pourquoi : pour vous accueillir à la conférence et, si vous l'avez accepté, vous recontacter au sujet du mentorat. Seuls les organisateurs de la rencontre voient vos coordonnées.
email-registration-imported-waitlisted-p3 = Combien de temps : { $months } mois après la rencontre, puis elles sont effacées. Vous pouvez vous y opposer à tout moment : quittez la liste d'attente avec le lien ci-dessous, ou répondez à ce message. Vos droits sont décrits sur { $site }/confidentialite.
email-registration-imported-waitlisted-action = Quitter la liste d'attente
error-import-commune-ambiguous = Plusieurs communes portent ce nom : indiquez le code INSEE. Possibles : { $detail }.
error-import-domain = Domaine inconnu : utilisez les codes ou les noms de la liste des domaines.
error-import-capacity = Nombre de porteurs suivis à la fois : de 1 à 5.
error-import-date = Date invalide : jj/mm/aaaa, et pas dans le futur.
error-import-yes-no = Répondez par oui ou non.
error-import-language = Langue : fr ou en.
error-import-formula = Cellule refusée : elle commence comme une formule de tableur (=, +, - ou @).
charter-title = La charte du mentor
charter-lead = Votre association vous a inscrit comme mentor. Avant de commencer, lisez et acceptez la charte qui engage chaque mentor du réseau.
charter-accept = J'accepte la charte
list-csv = Télécharger la liste (CSV)
circle-mentors-csv-name = Mentor
circle-projects-csv-name = Projet
csv-circle = Cercle
csv-commune-code = Code commune
csv-active-mentors = Mentors actifs
csv-projects-supported = Projets accompagnés
csv-editions = Éditions
csv-contact-name = Nom du contact
csv-proposal-project = Projet — porteur
csv-mentor = Mentor
csv-score = Score
csv-reasons = Raisons
proposal-csv-proposed = Proposée
proposal-csv-removed = Retirée
proposal-csv-unmatched = Sans mentor
csv-project = Projet
csv-submitted = Déposé le
csv-last-active = Dernière activité
csv-link = Lien
