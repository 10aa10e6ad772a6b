using KeySell.Domain.Accounts;
using KeySell.Application.OrgCharts;
using KeySell.Domain.OrgCharts;

namespace KeySell.Application.Accounts;

/// <summary>A link to another account, by id and name.</summary>
public sealed record AccountRef(Guid Id, string Name);

public sealed record RelationDetail(Guid Id, Guid RelatedAccountId, string RelatedAccountName, RelationType Type);

public sealed record DepartmentDetail(Guid Id, string Name, Guid? ParentDepartmentId, int Version);

/// <summary>A person as the org chart shows them: the tree is built from <see cref="ReportsToId"/>.</summary>
public sealed record PersonSummary(Guid Id, string Name, string? Title, Guid? DepartmentId, Guid? ReportsToId, PersonStatus Status, int Version, Seniority Seniority = Seniority.Unknown);

/// <summary>
/// An account with its group structure, departments and people: everything the account page shows;
/// <c>CanEdit</c> says whether the caller may write it (org chart, departments, relations, team).
/// <c>People</c> and <c>PeopleOnDeals</c> are the whole org chart for the API; the account page asks for the account
/// without them and opens the chart branch by branch (<c>ListOrgChart</c>), so they are empty there and
/// <c>PeopleCount</c> says how many people the account has.
/// </summary>
public sealed record AccountDetail(
    Guid Id,
    string Name,
    string? Industry,
    string? Size,
    string? Region,
    decimal? IdealCustomerScore,
    AccountRef? Parent,
    IReadOnlyList<AccountRef> Subsidiaries,
    IReadOnlyList<RelationDetail> Relations,
    IReadOnlyList<DepartmentDetail> Departments,
    IReadOnlyList<PersonSummary> People,
    IReadOnlyList<PersonDeal> PeopleOnDeals,
    int OpportunityCount,
    int PeopleCount,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int Version,
    bool CanEdit);
