from django.urls import path

from buyers import views

urlpatterns = [
    path(
        "unsubscribe/<str:token>/",
        views.one_click_unsubscribe,
        name="newsletter_one_click_unsubscribe",
    ),
]
