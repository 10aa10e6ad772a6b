namespace KeySell.Domain.Reviews;

/// <summary>
/// A manager went through a deal at <see cref="At"/> (METHODOLOGY §9, the manager's review): the
/// deal's changes after that moment are what the next review has to look at. Recorded once and
/// never edited, like the history it is counted against.
/// </summary>
public class Review
{
    public const int NoteMaxLength = 2_000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The id of the user who reviewed (a manager of a team the owner is in, or an admin).</summary>
    public string ByUserId { get; set; } = "";
    public string? Note { get; set; }
}
