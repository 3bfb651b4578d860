"""The public pages: the timeline, an event's permalink, an article with its passages.

With htmx, the timeline answers with its results fragment (figure JSON and list) and the permalink with
the side-panel fragment; loaded directly, each URL renders the whole page in the same state.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from timeline.models import Article, Event
from timeline.web import selectors
from timeline.web.display import article_paragraphs, change_log, date_label
from timeline.web.downloads import export_links
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
    data = form.data  # the query with older names (start/end) read as today's
    pairs = [
        (name, data[name])
        for name, field in form.fields.items()
        if data.get(name, "").strip() and data[name] != (field.initial or "")
    ]
    return urlencode(pairs)


def _page(paginator: Paginator, asked: str | None) -> tuple[object, str]:
    """The page asked for and, when it does not exist, what is shown instead, said plainly."""
    try:
        return paginator.page(asked or 1), ""
    except PageNotAnInteger:
        return paginator.page(1), f"“{asked[:20]}” is not a page number; showing the first page."
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
        return page, f"There is no page {asked[:20]}; showing the last page, {page.number}."


def _open_event(slug: str) -> Event | None:
    """The public event a timeline link opens in its panel (``event=<slug>``), if it exists."""
    if not slug:
        return None
    try:
        event = selectors.event_by_slug(slug=slug[:200])
    except Event.DoesNotExist:
        return None
    if event.merged_into_id is not None:
        event = selectors.event_surviving_merge(event=event)
    if event.status == Event.Status.REJECTED or event.merged_into_id is not None:
        return None
    return event


@require_safe
def timeline(request: HtmxHttpRequest) -> HttpResponse:
    filters_asked = request.GET.copy()
    for name in ("event", "page"):  # the open event and the page are not filters: alone, the view is the default one
        filters_asked.pop(name, None)
    form = TimelineFilterForm(filters_asked or None, actors=selectors.actors_in_public_events())
    rows = form.row_mode()
    filters = form.filters()
    events = selectors.events_for_timeline(filters=filters)
    shown = timeline_view(events=events, filters=filters, rows=rows, start=filters.date_from, end=filters.date_to)
    paginator = Paginator(selectors.events_for_list(events=shown.listed), PAGE_SIZE)
    if shown.total is not None:
        paginator.count = shown.total  # known from the counts per period: no COUNT over a million rows
    page, page_problem = _page(paginator, request.GET.get("page"))
    page.object_list = selectors.events_with_citations(events=list(page.object_list))
    query = _filter_query(request, form)
    opened = _open_event(request.GET.get("event", "").strip())
    context = {
        "form": form,
        "page": page,
        "figure": shown.figure,
        "query": query,
        "unit": shown.unit,
        "problems": form.problems() + ([page_problem] if page_problem else []),
        "downloads": export_links(request, query),
        "card_url": request.build_absolute_uri(static("img/card.png")),
    }
    if _wants_fragment(request):
        response = render(request, "timeline/_results.html", context)
        pushed = "&".join(part for part in (query, f"page={page.number}" if page.number > 1 else "") if part)
        return push_url(response, f"{request.path}?{pushed}" if pushed else request.path)
    if opened is not None:
        context.update(_event_context(request, opened), in_panel=True)
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


def _event_context(request: HttpRequest, event: Event) -> dict:
    """What an event's panel and permalink page show."""
    sources = selectors.event_sources(event=event)
    actors, places = selectors.event_people_and_places(event=event)
    return {
        "event": event,
        "sources": sources,
        "actors": actors,
        "places": places,
        "n_publishers": event.publisher_count,
        "disputed_dates": _disputed_dates(sources) if event.date_disputed else [],
        "changes": change_log(selectors.event_history(event=event)),
        "canonical_url": request.build_absolute_uri(event.get_absolute_url()),
        "card_url": request.build_absolute_uri(static("img/card.png")),
        "description": _description(event, sources),
    }


@require_safe
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
    context = _event_context(request, event)
    if _wants_fragment(request):
        # The panel opens over the timeline: the address keeps the timeline's state with the event in it.
        return render(request, "timeline/_event_panel.html", {**context, "in_panel": True})
    return render(request, "timeline/event_detail.html", context)


@require_safe
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
