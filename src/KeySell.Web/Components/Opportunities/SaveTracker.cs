using KeySell.Application.Common;

namespace KeySell.Web.Components.Opportunities;

/// <summary>What the seller sees about their edits: saving, saved, refused, or overtaken by someone else.</summary>
public enum SaveState
{
    Idle,
    Saving,
    Saved,
    Invalid,
    Conflict,
    Failed,
}

/// <summary>
/// The save state of one editable part of the sheet (the header, one influence row, the lists).
/// A conflict or refusal sticks until the seller reloads or saves again successfully, so a value
/// the server did not take is never dropped quietly.
/// </summary>
public sealed class SaveSlot
{
    public SaveState State { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyDictionary<string, string[]> Fields { get; private set; } = new Dictionary<string, string[]>();
    internal bool InFlight { get; set; }
    internal bool Again { get; set; }

    public bool IsConflict => State == SaveState.Conflict;

    internal void Start()
    {
        if (State != SaveState.Conflict) State = SaveState.Saving;
    }

    internal void Succeed()
    {
        State = SaveState.Saved;
        Message = null;
        Fields = new Dictionary<string, string[]>();
    }

    internal void Fail(Error error)
    {
        State = error.Kind switch
        {
            ErrorKind.Validation => SaveState.Invalid,
            ErrorKind.Conflict or ErrorKind.NotFound => SaveState.Conflict,
            _ => SaveState.Failed,
        };
        Message = error.Message;
        Fields = error.Fields;
    }

    internal void Crash(string message)
    {
        State = SaveState.Failed;
        Message = message;
        Fields = new Dictionary<string, string[]>();
    }

    /// <summary>Messages for one input: its exact field name, and anything nested under it (<c>wins[2]</c> under <c>wins</c>).</summary>
    public IEnumerable<string> MessagesFor(string field) =>
        Fields.Where(f => f.Key == field || f.Key.StartsWith(field + ".", StringComparison.Ordinal) || f.Key.StartsWith(field + "[", StringComparison.Ordinal))
            .SelectMany(f => f.Value);

    public bool HasError(string field) => MessagesFor(field).Any();
}

/// <summary>
/// Runs the sheet's saves: one at a time per slot, coalescing edits made while a save is on the
/// way into one follow-up save with the new version, and tells the page's indicator what happened.
/// </summary>
public sealed class SaveTracker
{
    private readonly List<SaveSlot> _slots = [];

    public event Action? Changed;

    public SaveSlot NewSlot()
    {
        var slot = new SaveSlot();
        _slots.Add(slot);
        return slot;
    }

    public void Forget(SaveSlot slot) => _slots.Remove(slot);

    public void Clear() => _slots.Clear();

    public SaveState Overall =>
        _slots.Any(s => s.State == SaveState.Conflict) ? SaveState.Conflict
        : _slots.Any(s => s.State == SaveState.Saving) ? SaveState.Saving
        : _slots.Any(s => s.State == SaveState.Failed) ? SaveState.Failed
        : _slots.Any(s => s.State == SaveState.Invalid) ? SaveState.Invalid
        : _slots.Any(s => s.State == SaveState.Saved) ? SaveState.Saved
        : SaveState.Idle;

    public string? ConflictMessage => _slots.FirstOrDefault(s => s.State == SaveState.Conflict)?.Message;

    /// <summary>
    /// Saves through <paramref name="save"/>, which builds its command from the current draft each
    /// time it runs. While a conflict stands, nothing is sent: the seller's values stay on screen until they reload.
    /// </summary>
    public async Task SaveAsync(SaveSlot slot, Func<Task<Error?>> save)
    {
        if (slot.IsConflict) return;
        if (slot.InFlight)
        {
            slot.Again = true;
            return;
        }
        slot.InFlight = true;
        try
        {
            do
            {
                slot.Again = false;
                slot.Start();
                Changed?.Invoke();
                Error? error;
                try
                {
                    error = await save();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A broken save must not take the whole circuit down; the seller sees it and can reload.
                    slot.Crash(exception.Message);
                    break;
                }
                if (error is null) slot.Succeed();
                else slot.Fail(error);
            } while (slot.Again && !slot.IsConflict);
        }
        finally
        {
            slot.InFlight = false;
            Changed?.Invoke();
        }
    }
}
