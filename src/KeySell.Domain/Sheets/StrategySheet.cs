using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Process;

namespace KeySell.Domain.Sheets;

/// <summary>
/// One opportunity's strategy as the method judges it: the typed form of the strategy-sheet format (version 1, and
/// version 2 with the selling toolkit; docs/sheet-format.md), independent of JSON and of the database. The version-2
/// parts are init-only with empty defaults, so a version-1 sheet is the same record with <see cref="Version"/> 1.
/// </summary>
public sealed record StrategySheet(
    DateOnly? AsOf,
    SheetOpportunity Opportunity,
    IReadOnlyList<SheetInfluence> Influences,
    IReadOnlyList<SheetStrength> Strengths,
    IReadOnlyList<SheetObjection> Objections,
    IReadOnlyList<SheetRedFlag> RedFlags)
{
    /// <summary>The format's version the sheet was read as (1 or 2). The rules of version 2 judge only version-2 sheets.</summary>
    public int Version { get; init; } = 1;

    public bool IsVersion2 => Version >= 2;

    public IReadOnlyList<SheetMilestone> Milestones { get; init; } = [];
    public IReadOnlyList<SheetCall> Calls { get; init; } = [];
    public IReadOnlyList<SheetAction> Actions { get; init; } = [];
    /// <summary>Null when the tree has not been drawn yet.</summary>
    public SheetNeeds? Needs { get; init; }
    public SheetSwot Swot { get; init; } = SheetSwot.Empty;
    public IReadOnlyList<SheetInfluenceLine> InfluenceLines { get; init; } = [];
}

public sealed record SheetOpportunity(
    string Name,
    string Account,
    decimal? IdealCustomerScore,
    SheetObjective Objective,
    Engagement? Engagement,
    FunnelLevel FunnelLevel,
    ExpectedOutcome? ExpectedOutcome)
{
    /// <summary>Version 2: the day the deal was set up, or null.</summary>
    public DateOnly? CreatedOn { get; init; }
}

public sealed record SheetObjective(string? Product, decimal? Quantity, decimal? Amount, string? Currency, DateOnly? CloseDate)
{
    public static readonly SheetObjective Empty = new(null, null, null, null, null);

    public bool IsComplete => !string.IsNullOrWhiteSpace(Product) && Amount is not null && CloseDate is not null;
}

public sealed record SheetInfluence(
    string Id,
    string Name,
    string? Title,
    BuyingRoles Roles,
    InfluenceLevel Influence,
    int? Support,
    ContactLevel Contact,
    ResponseMode Mode,
    string? Counterpart,
    PersonStatus Status,
    DateOnly? Since,
    DateOnly? LastContact,
    IReadOnlyList<string> Wins,
    IReadOnlyList<string> Results)
{
    /// <summary>Version 2: how high the person sits; <see cref="Seniority.TopOfficer"/> is the VITO.</summary>
    public Seniority Seniority { get; init; }

    public bool IsActive => Status == PersonStatus.Active;
    public bool Has(BuyingRoles role) => (Roles & role) == role;
}

public sealed record SheetStrength(string Text, IReadOnlyList<string> Addresses);

public sealed record SheetObjection(string? From, string Text, ObjectionStatus Status)
{
    /// <summary>Version 2: the handling steps taken, each at most once, in the method's order.</summary>
    public IReadOnlyList<ObjectionStep> Steps { get; init; } = [];

    /// <summary>Version 2: the evidence the answer used, or null.</summary>
    public ObjectionAnswer? Answer { get; init; }

    public bool Has(ObjectionStep step) => Steps.Contains(step);
}

public sealed record SheetRedFlag(string Text, string? Influence);

/// <summary>A process milestone, ticked on a day with evidence (both may be null: listed, not reached).</summary>
public sealed record SheetMilestone(Milestone Id, DateOnly? Done, string? Evidence);

/// <summary>A call planned or held: whom (influence ids), the commitment sought, its SPIN questions, the outcome.</summary>
public sealed record SheetCall(
    string Id,
    DateOnly Date,
    IReadOnlyList<string> With,
    CallStatus Status,
    string? Commitment,
    IReadOnlyList<CallQuestion> Questions,
    CallOutcome? Outcome,
    string? Notes);

/// <summary>A step of the action plan; <see cref="Owner"/> is our colleague's name, <see cref="Influence"/> an influence id.</summary>
public sealed record SheetAction(
    string Id,
    string Text,
    string? Owner,
    DateOnly? Due,
    ActionStatus Status,
    string? Influence,
    IReadOnlyList<string> Addresses);

/// <summary>The needs-analysis tree: the current state and the first-level branches, each naming its layer.</summary>
public sealed record SheetNeeds(string? CurrentState, IReadOnlyList<SheetNeed> Branches);

/// <summary>A problem in the needs tree; <see cref="Layer"/> only on first-level branches; a leaf has no children.</summary>
public sealed record SheetNeed(NeedLayer? Layer, string Problem, IReadOnlyList<SheetNeed> Children, string? Solution)
{
    public bool IsLeaf => Children.Count == 0;
}

public sealed record SheetSwot(
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Weaknesses,
    IReadOnlyList<string> Opportunities,
    IReadOnlyList<string> Threats)
{
    public static readonly SheetSwot Empty = new([], [], [], []);
}

/// <summary>Informal influence: <see cref="From"/> listens to <see cref="To"/> (influence ids).</summary>
public sealed record SheetInfluenceLine(string From, string To, LineStrength Strength, string? Note);
