using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.OrgCharts;

namespace KeySell.Application.OrgCharts;

public sealed record PersonRef(Guid Id, string Name, string? Title);

/// <summary>A deal a person influences, with their part in it: on the person's page, and on their card in the org chart.</summary>
public sealed record PersonDeal(Guid PersonId, Guid OpportunityId, string OpportunityName, Guid InfluenceId, IReadOnlyList<BuyingRoles> Roles,
    InfluenceLevel Influence, int? Support, ResponseMode Mode);

public sealed record PersonDetail(
    Guid Id,
    Guid AccountId,
    string AccountName,
    string Name,
    string? Title,
    Guid? DepartmentId,
    string? DepartmentName,
    PersonRef? ReportsTo,
    IReadOnlyList<PersonRef> DirectReports,
    string? Email,
    string? Phone,
    string? Responsibilities,
    string? Preferences,
    PersonStatus Status,
    Seniority Seniority,
    IReadOnlyList<PersonDeal> Deals,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int Version,
    bool CanEdit);
