using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.OrgCharts;

namespace KeySell.Application.BuyingInfluences;

/// <summary>
/// One row of the buying-influence grid; <see cref="Roles"/> are role ids (<c>coach</c>, <c>economic</c>…);
/// <see cref="Seniority"/> is the person's (top-officer marks the VITO), kept on the person, not the influence.
/// </summary>
public sealed record InfluenceDetail(
    Guid Id,
    string Key,
    Guid PersonId,
    string PersonName,
    string? PersonTitle,
    PersonStatus PersonStatus,
    Seniority Seniority,
    IReadOnlyList<string> Roles,
    InfluenceLevel Influence,
    int? Support,
    ContactLevel Contact,
    ResponseMode Mode,
    Guid? CounterpartId,
    string? CounterpartName,
    DateOnly? Since,
    DateOnly? LastContact,
    IReadOnlyList<string> Wins,
    IReadOnlyList<string> Results,
    int Version)
{
    /// <summary>Needs the influence's Person and Counterpart loaded.</summary>
    public static InfluenceDetail From(BuyingInfluence i) => new(
        i.Id, i.Key, i.PersonId, i.Person!.Name, i.Person.Title, i.Person.Status, i.Person.Seniority,
        i.Roles.Split().Select(r => r.ToId()).ToList(), i.Influence, i.Support, i.Contact, i.Mode,
        i.CounterpartId, i.Counterpart?.Name, i.Since, i.LastContact, i.Wins, i.Results, i.Version);
}
