using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;

namespace KeySell.Web.Components.Opportunities;

/// <summary>The header as the seller is editing it: the opportunity's own fields and its single sales objective.</summary>
public sealed class OpportunityDraft
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Guid AccountId { get; set; }
    public string AccountName { get; set; } = "";
    /// <summary>The account's ideal-customer score, for the poor-fit flag; null when not rated.</summary>
    public decimal? IdealCustomerScore { get; set; }
    public string Name { get; set; } = "";
    public string? Product { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DateOnly? CloseDate { get; set; }
    public Engagement? Engagement { get; set; }
    public FunnelLevel FunnelLevel { get; set; } = FunnelLevel.Above;
    public ExpectedOutcome? ExpectedOutcome { get; set; }
    public Guid? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    /// <summary>The day the deal was set up, or null.</summary>
    public DateOnly? CreatedOn { get; set; }
}

/// <summary>One row of the buying-influence grid as the seller is editing it.</summary>
public sealed class InfluenceDraft
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Key { get; set; } = "";
    public Guid PersonId { get; set; }
    public string PersonName { get; set; } = "";
    public string? PersonTitle { get; set; }
    public PersonStatus PersonStatus { get; set; }
    /// <summary>The person's seniority (top-officer is the VITO); edited on the person, shown in the grid.</summary>
    public Seniority Seniority { get; set; }
    public BuyingRoles Roles { get; set; }
    public InfluenceLevel Influence { get; set; }
    public int? Support { get; set; }
    public ContactLevel Contact { get; set; }
    public ResponseMode Mode { get; set; }
    public Guid? CounterpartId { get; set; }
    public DateOnly? Since { get; set; }
    public DateOnly? LastContact { get; set; }
    public List<string> Wins { get; set; } = [];
    public List<string> Results { get; set; } = [];
}

public sealed class StrengthDraft
{
    public string Text { get; set; } = "";
    public IReadOnlyCollection<string> Addresses { get; set; } = [];
}

public sealed class RedFlagDraft
{
    public string Text { get; set; } = "";
    /// <summary>The sheet key of the influence it concerns, or null for the whole deal.</summary>
    public string? InfluenceKey { get; set; }
}

public sealed class ObjectionDraft
{
    public string? FromKey { get; set; }
    public string Text { get; set; } = "";
    public ObjectionStatus Status { get; set; } = ObjectionStatus.Open;
    /// <summary>The handling steps taken, in the method's order.</summary>
    public List<ObjectionStep> Steps { get; set; } = [];
    public ObjectionAnswer? Answer { get; set; }
}

/// <summary>A colleague of ours who can own a deal or be an influence's counterpart (对应者).</summary>
public sealed record ColleagueChoice(Guid Id, string Name, string? Title);

/// <summary>Someone at the account who can be added as a buying influence.</summary>
public sealed record PersonChoice(Guid Id, string Name, string? Title);
