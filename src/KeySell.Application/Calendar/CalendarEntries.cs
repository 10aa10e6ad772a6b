using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KeySell.Application.Resources;
using IcsCalendar = Ical.Net.Calendar;

namespace KeySell.Application.Calendar;

/// <summary>One all-day entry of a user's calendar: a planned call or a dated open action of a deal.</summary>
/// <param name="Kind"><c>call</c> or <c>action</c>.</param>
/// <param name="Key">The call's or action's sheet id within its deal.</param>
/// <param name="Title">What the entry is about: the call's people, or the action's text.</param>
/// <param name="Details">Lines for the description (commitment sought, owner, person…), already in the caller's language.</param>
/// <param name="Cancelled">A cancelled call (only in a single download; the feed leaves them out).</param>
public sealed record CalendarEntry(
    string Kind,
    Guid OpportunityId,
    string Key,
    DateOnly Day,
    string Title,
    string OpportunityName,
    string AccountName,
    IReadOnlyList<string> Details,
    DateTimeOffset UpdatedAt,
    int Version,
    bool Cancelled = false);

/// <summary>
/// Writes entries as an iCalendar document (RFC 5545) with Ical.Net: each an all-day event (<c>DTSTART;VALUE=DATE</c>
/// and the next day as <c>DTEND</c>), a UID that stays the same across saves (the deal and the sheet id), the row's
/// version as <c>SEQUENCE</c> and its last save as <c>DTSTAMP</c>, so subscribed calendars update entries in place.
/// </summary>
public static class CalendarEntries
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const int SummaryMaxLength = 200;

    /// <param name="baseUri">The app's address, for the link back to each deal.</param>
    public static string Write(IEnumerable<CalendarEntry> entries, string name, Uri baseUri)
    {
        var calendar = new IcsCalendar { ProductId = "-//KeySell//Calendar//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var entry in entries) calendar.Events.Add(EventOf(entry, baseUri));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The stable UID of an entry: kind, sheet id and deal, so an entry keeps its identity however often it is saved.</summary>
    public static string Uid(CalendarEntry entry) => $"{entry.Kind}-{entry.Key}.{entry.OpportunityId:N}@keysell";

    private static CalendarEvent EventOf(CalendarEntry entry, Uri baseUri)
    {
        var summary = Messages.Format($"Calendar.{entry.Kind}.Summary", entry.Title, entry.OpportunityName, entry.AccountName);
        var stamp = new CalDateTime(entry.UpdatedAt.UtcDateTime, "UTC");
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(entry),
            Summary = summary.Length <= SummaryMaxLength ? summary : summary[..(SummaryMaxLength - 1)] + "…",
            Description = string.Join("\n", entry.Details.Prepend(entry.Title)),
            Start = new CalDateTime(entry.Day),
            End = new CalDateTime(entry.Day.AddDays(1)),
            DtStamp = stamp,
            LastModified = stamp,
            Sequence = entry.Version,
            Url = new Uri(baseUri, $"opportunities/{entry.OpportunityId}"),
            // An all-day reminder of work, not time taken from the day.
            Transparency = "TRANSPARENT",
        };
        if (entry.Cancelled) calendarEvent.Status = "CANCELLED";
        return calendarEvent;
    }
}
