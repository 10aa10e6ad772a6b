using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;

namespace KeySell.Domain.Sheets;

/// <summary>
/// One opportunity's strategy as the method judges it: the typed form of the strategy-sheet
/// contract (<c>shared/contracts/strategy-sheet.md</c>), independent of JSON and of the database.
/// </summary>
public sealed record StrategySheet(
    DateOnly? AsOf,
    SheetOpportunity Opportunity,
    IReadOnlyList<SheetInfluence> Influences,
    IReadOnlyList<SheetStrength> Strengths,
    IReadOnlyList<SheetObjection> Objections,
    IReadOnlyList<SheetRedFlag> RedFlags);

public sealed record SheetOpportunity(
    string Name,
    string Account,
    decimal? IdealCustomerScore,
    SheetObjective Objective,
    Engagement? Engagement,
    FunnelLevel FunnelLevel,
    ExpectedOutcome? ExpectedOutcome);

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
    public bool IsActive => Status == PersonStatus.Active;
    public bool Has(BuyingRoles role) => (Roles & role) == role;
}

public sealed record SheetStrength(string Text, IReadOnlyList<string> Addresses);

public sealed record SheetObjection(string? From, string Text, ObjectionStatus Status);

public sealed record SheetRedFlag(string Text, string? Influence);
