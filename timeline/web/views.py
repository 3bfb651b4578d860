"""The public pages: the timeline, an event's permalink, an article with its passages.

With htmx, the timeline answers with its results fragment (figure JSON and list) and the permalink with
the side-panel fragment; loaded directly, each URL renders the whole page in the same state.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from timeline.models import Article, Event
from timeline.web import selectors
from timeline.web.display import article_paragraphs, change_log, date_label
from timeline.web.forms import TimelineFilterForm
from timeline.web.timeline_view import timeline_view

PAGE_SIZE = 25
DESCRIPTION_MAX = 240


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware."""

    htmx: HtmxDetails


def _wants_fragment(request: HtmxHttpRequest) -> bool:
    """An htmx swap asks for a fragment; a history restore (or a plain visit) gets the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def _filter_query(request: HtmxHttpRequest, form: TimelineFilterForm) -> str:
    """The query string of the filters actually set, in form order, for a clean shareable URL."""
    pairs = [
        (name, request.GET[name])
        for name, field in form.fields.items()
        if request.GET.get(name, "").strip() and request.GET[name] != (field.initial or "")
    ]
    return urlencode(pairs)


@require_GET
def timeline(request: HtmxHttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET or None, actors=selectors.actors_in_public_events())
    rows = form.row_mode()
    filters = form.filters()
    start, end = form.zoom()
    events = selectors.events_for_timeline(filters=filters)
    shown = timeline_view(events=events, filters=filters, rows=rows, start=start, end=end)
    paginator = Paginator(selectors.events_for_list(events=shown.listed), PAGE_SIZE)
    if shown.total is not None:
        paginator.count = shown.total  # known from the counts per period: no COUNT over a million rows
    page = paginator.get_page(request.GET.get("page"))
    figure = shown.figure
    query = _filter_query(request, form)
    context = {"form": form, "page": page, "figure": figure, "query": query, "unit": shown.unit}
    if _wants_fragment(request):
        response = render(request, "timeline/_results.html", context)
        pushed = "&".join(part for part in (query, f"page={page.number}" if page.number > 1 else "") if part)
        return push_url(response, f"{request.path}?{pushed}" if pushed else request.path)
    return render(request, "timeline/timeline.html", context)


def _description(event: Event, sources: list) -> str:
    text = event.summary or (sources[0].passage.text if sources else event.title)
    text = " ".join(text.split())
    when = date_label(event.date_start, event.date_end, event.precision)
    text = f"{when}: {text}"
    return text if len(text) <= DESCRIPTION_MAX else text[: DESCRIPTION_MAX - 1].rstrip() + "…"


def _disputed_dates(sources: list) -> list[str]:
    labels = (date_label(m.date_start, m.date_end, m.precision) for m in sources if m.date_start)
    return list(dict.fromkeys(labels))


@require_GET
def event_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    try:
        event = selectors.event_by_slug(slug=slug)
    except Event.DoesNotExist as exc:
        raise Http404("No such event") from exc
    if event.merged_into_id is not None:
        survivor = selectors.event_surviving_merge(event=event)
        if survivor.status == Event.Status.REJECTED or survivor.merged_into_id is not None:
            raise Http404("This event was merged away")
        return HttpResponsePermanentRedirect(survivor.get_absolute_url())
    if event.status == Event.Status.REJECTED:
        raise Http404("This event was rejected")
    sources = selectors.event_sources(event=event)
    actors, places = selectors.event_people_and_places(event=event)
    publishers = {m.passage.article.publisher_id for m in sources if m.passage.article.publisher_id}
    context = {
        "event": event,
        "sources": sources,
        "actors": actors,
        "places": places,
        "n_publishers": len(publishers),
        "disputed_dates": _disputed_dates(sources) if event.date_disputed else [],
        "changes": change_log(selectors.event_history(event=event)),
        "canonical_url": request.build_absolute_uri(event.get_absolute_url()),
        "description": _description(event, sources),
    }
    if _wants_fragment(request):
        response = render(request, "timeline/_event_panel.html", {**context, "in_panel": True})
        return push_url(response, event.get_absolute_url())
    return render(request, "timeline/event_detail.html", context)


@require_GET
def article_detail(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    try:
        article = selectors.article_for_page(article_id=article_id)
    except Article.DoesNotExist as exc:
        raise Http404("No such article") from exc
    passages = selectors.article_passages(article=article)
    context = {
        "article": article,
        "paragraphs": article_paragraphs(article.text, passages),
        "duplicates": selectors.article_duplicates(article=article),
        "n_passages": len(passages),
        "canonical_url": request.build_absolute_uri(article.get_absolute_url()),
    }
    return render(request, "timeline/article_detail.html", context)
