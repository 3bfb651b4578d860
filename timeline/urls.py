from django.contrib import admin
from django.urls import path

from timeline.web import api, downloads, key_dates_page, views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("key-dates/", key_dates_page.key_dates_list, name="key_dates"),
    path("download/", downloads.timeline_download, name="timeline_download"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("articles/<int:article_id>/", views.article_detail, name="article_detail"),
    path("api/events/", api.events_list, name="api_events"),
    path("api/events/<str:slug>/", api.event_item, name="api_event"),
    path("admin/", admin.site.urls),
]
