namespace KeySell.Web.Components.Opportunities;

/// <summary>
/// Everything one open strategy sheet shares between its parts: the drafts being edited, the
/// colleagues to pick from, and the one queue through which header and list saves pass, because
/// both carry the opportunity's version and would otherwise refuse each other.
/// </summary>
public sealed class SheetSession(SheetStore store, SaveTracker tracker)
{
    public SheetStore Store { get; } = store;
    public SaveTracker Tracker { get; } = tracker;
    public OpportunityDraft Opportunity { get; set; } = new();
    public List<InfluenceDraft> Influences { get; set; } = [];
    public List<StrengthDraft> Strengths { get; set; } = [];
    public List<RedFlagDraft> RedFlags { get; set; } = [];
    public List<ObjectionDraft> Objections { get; set; } = [];
    /// <summary>The deal's calls, each saved on its own (its own version); on the sheet so the red flags follow them.</summary>
    public List<Calls.CallDraft> Calls { get; set; } = [];
    /// <summary>
    /// The sheet as stored when the page loaded (a version-2 sheet): what no panel of the page keeps in a draft
    /// (seniority, the creation day, the toolkit's other parts) is judged from it, so the flags on screen are the
    /// stored analysis's; a panel that edits a part keeps it in the session instead, as the calls are.
    /// </summary>
    public Domain.Sheets.StrategySheet? Stored { get; set; }
    public IReadOnlyList<ColleagueChoice> Colleagues { get; set; } = [];
    /// <summary>Whether the signed-in user may write this deal; without it the page shows the sheet as plain text.</summary>
    public bool CanEdit { get; set; }
    public SemaphoreSlim OpportunityWrites { get; } = new(1, 1);

    /// <summary>Shows the page again (its flags are judged as it renders); set by the page.</summary>
    public Func<Task> Rejudge { get; set; } = () => Task.CompletedTask;

    /// <summary>
    /// After a panel saved a part of the sheet that only the stored sheet carries (milestones, actions, the needs tree):
    /// reads it again and judges the page again, so a flag such as no-next-step or overdue-action follows at once.
    /// </summary>
    public async Task PartSavedAsync()
    {
        await Store.ReadStoredAsync(this);
        await Rejudge();
    }

    /// <summary>Throws the drafts away and reads the sheet again; the only way out of a conflict.</summary>
    public Func<Task> Reload { get; set; } = () => Task.CompletedTask;

    public string PersonNameOf(string? key) =>
        key is null ? "" : Influences.FirstOrDefault(i => i.Key == key)?.PersonName ?? key;

    public string? ColleagueName(Guid? id) => id is null ? null : Colleagues.FirstOrDefault(c => c.Id == id)?.Name;

    /// <summary>Runs one opportunity-level write (header or lists) with the version current when it starts.</summary>
    public async Task<Application.Common.Error?> WriteOpportunityAsync(Func<Task<Application.Common.Error?>> write)
    {
        await OpportunityWrites.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            OpportunityWrites.Release();
        }
    }
}
