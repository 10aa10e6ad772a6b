namespace KeySell.Domain.Actions;

/// <summary>
/// When an action is late, and what "this week" means for a seller's list of actions: one home for both, read by the
/// actions panel, Home's "my actions due this week", the API and the calendar alike.
/// </summary>
public static class ActionDue
{
    /// <summary>An open action whose due day is before <paramref name="today"/> (due today is not late yet).</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly? due, DateOnly today) =>
        status == ActionStatus.Open && due is { } day && day < today;

    /// <summary>The last day of the week holding <paramref name="today"/>: weeks run Monday to Sunday (ISO 8601), in both languages.</summary>
    public static DateOnly EndOfWeek(DateOnly today) => today.AddDays((7 - (int)today.DayOfWeek) % 7);
}
