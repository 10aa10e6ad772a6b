using KeySell.Application.Actions;
using KeySell.Domain.Actions;

namespace KeySell.Web.Components.Actions;

/// <summary>One action as the panel edits it; saved on its own with its own version (no other panel is held up).</summary>
public sealed class ActionDraft
{
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Text { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public DateOnly? Due { get; set; }
    public ActionStatus Status { get; set; }
    public string? InfluenceKey { get; set; }
    public List<string> Addresses { get; set; } = [];

    public static ActionDraft From(ActionDetail a) => new()
    {
        Key = a.Id, Version = a.Version, Text = a.Text, OwnerId = a.OwnerId, Due = a.Due, Status = a.Status,
        InfluenceKey = a.Influence, Addresses = [.. a.Addresses],
    };

    public bool IsOverdue(DateOnly today) => ActionDue.IsOverdue(Status, Due, today);
}
