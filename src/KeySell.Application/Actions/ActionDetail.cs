using KeySell.Domain.Actions;

namespace KeySell.Application.Actions;

/// <summary>
/// One step of a deal's action plan as the API and the panel read it. <see cref="Id"/> is the action's id in the sheet
/// (<c>a1</c>), unique within the deal; <see cref="Owner"/> is the owning colleague's name (the sheet's <c>owner</c>);
/// <see cref="Influence"/> the sheet id of the person it concerns; <see cref="Overdue"/> is <see cref="ActionDue.IsOverdue"/> as of today.
/// </summary>
public sealed record ActionDetail(
    string Id,
    string Text,
    Guid? OwnerId,
    string? Owner,
    DateOnly? Due,
    ActionStatus Status,
    string? Influence,
    IReadOnlyList<string> Addresses,
    bool Overdue,
    int Version)
{
    internal static ActionDetail From(SellingAction action, DateOnly today) => new(
        action.Key, action.Text, action.OwnerId, action.Owner?.Name, action.Due, action.Status, action.InfluenceKey,
        [.. action.Addresses], ActionDue.IsOverdue(action.Status, action.Due, today), action.Version);
}
