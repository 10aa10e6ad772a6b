using Ical.Net.CalendarComponents;
using KeySell.Application.Calendar;
using IcsCalendar = Ical.Net.Calendar;

namespace KeySell.Application.Tests.Calendar;

/// <summary>The iCalendar text of calendar entries, read back with Ical.Net as a calendar program would.</summary>
public sealed class CalendarEntriesTests
{
    private static readonly Uri App = new("https://keysell.example/");
    private static readonly Guid Deal = Guid.Parse("5b1c8c4e-0d6f-4a53-9a55-0c1f0f3c2a11");

    private static CalendarEntry Entry(string kind, string key, DateOnly day, bool cancelled = false) => new(
        kind, Deal, key, day, kind == "call" ? "李伟, Wang Fang" : "Send the Baosteel case", "ERP rollout", "East Steel",
        kind == "call" ? ["Commitment sought: a pilot in one plant"] : ["Owner: Chen Ming"],
        new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), 3, cancelled);

    [Fact]
    public void Write_Entries_ReadBackAsAllDayEventsOnTheirDays()
    {
        var text = CalendarEntries.Write([Entry("call", "c1", new DateOnly(2026, 12, 1)), Entry("action", "a2", new DateOnly(2026, 12, 3))], "KeySell — chen", App);

        var events = IcsCalendar.Load(text)!.Events.OrderBy(e => e.Uid).ToList();

        events.Count.ShouldBe(2);
        var action = events[0];
        var call = events[1];
        call.Start!.HasTime.ShouldBeFalse();
        call.Start.Date.ShouldBe(new DateOnly(2026, 12, 1));
        call.End!.Date.ShouldBe(new DateOnly(2026, 12, 2));
        action.Start!.HasTime.ShouldBeFalse();
        action.Start.Date.ShouldBe(new DateOnly(2026, 12, 3));
        text.ShouldContain("DTSTART;VALUE=DATE:20261201");
        text.ShouldContain("DTSTART;VALUE=DATE:20261203");
    }

    [Fact]
    public void Write_Entry_HasStableUidSummaryLinkAndSequence()
    {
        var entry = Entry("call", "c1", new DateOnly(2026, 12, 1));

        var first = IcsCalendar.Load(CalendarEntries.Write([entry], "x", App))!.Events.Single();
        var again = IcsCalendar.Load(CalendarEntries.Write([entry with { Version = 4 }], "x", App))!.Events.Single();

        first.Uid.ShouldBe("call-c1.5b1c8c4e0d6f4a539a550c1f0f3c2a11@keysell");
        again.Uid.ShouldBe(first.Uid);
        first.Sequence.ShouldBe(3);
        again.Sequence.ShouldBe(4);
        first.Summary!.ShouldContain("李伟, Wang Fang");
        first.Summary!.ShouldContain("ERP rollout");
        first.Summary!.ShouldContain("East Steel");
        first.Description!.ShouldContain("a pilot in one plant");
        first.Url.ShouldBe(new Uri("https://keysell.example/opportunities/5b1c8c4e-0d6f-4a53-9a55-0c1f0f3c2a11"));
    }

    [Fact]
    public void Write_CancelledCall_IsMarkedCancelled()
    {
        var calendarEvent = IcsCalendar.Load(CalendarEntries.Write([Entry("call", "c9", new DateOnly(2026, 12, 1), cancelled: true)], "x", App))!.Events.Single();

        calendarEvent.Status.ShouldBe("CANCELLED");
    }

    [Fact]
    public void Write_NoEntries_IsAnEmptyButValidCalendar()
    {
        var calendar = IcsCalendar.Load(CalendarEntries.Write([], "KeySell — chen", App))!;

        calendar.Events.Count.ShouldBe(0);
        calendar.Properties["X-WR-CALNAME"]!.Value.ShouldBe("KeySell — chen");
    }
}
