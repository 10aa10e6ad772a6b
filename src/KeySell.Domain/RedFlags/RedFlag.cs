using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags;

/// <summary>
/// A red flag (小红旗) found on a sheet: which rule, whom it concerns, and the facts its message
/// needs. Words (message and action, in a language) are rendered from these facts separately.
/// </summary>
public sealed record RedFlag(string Id, SheetInfluence? Influence)
{
    /// <summary>For <c>missing-information</c>: the dimensions still unknown.</summary>
    public MissingDimensions Missing { get; init; }

    /// <summary>For <c>open-objection</c>, <c>objection-unconfirmed</c>, <c>objection-unproven</c>: the objection.</summary>
    public SheetObjection? Objection { get; init; }

    /// <summary>For <c>overdue-action</c>: the action past its due day.</summary>
    public SheetAction? Action { get; init; }

    /// <summary>For <c>needs-not-landed</c>: how many leaves of the tree name no solution.</summary>
    public int Count { get; init; }

    /// <summary>For <c>manual</c>: the seller's own words.</summary>
    public string? Text { get; init; }

    /// <summary>The strengths (小铃铛) the seller aimed at this flag, by their text.</summary>
    public IReadOnlyList<string> AddressedBy { get; init; } = [];
}

[Flags]
public enum MissingDimensions
{
    None = 0,
    Roles = 1,
    Influence = 2,
    Support = 4,
    Contact = 8,
    Mode = 16,
}
