using KeySell.Application.Common;

namespace KeySell.Web.Components.Shared;

/// <summary>
/// The server's refusal of one form submit, kept so each input can show its own messages
/// (<see cref="Error.Fields"/> is keyed by the camelCase field name the input edits).
/// </summary>
public sealed class FieldErrors
{
    private Error? _error;

    public void Set(Error? error) => _error = error;

    public void Clear() => _error = null;

    public bool Has(string field) => _error?.Fields.ContainsKey(field) == true;

    public string? For(string field) => _error?.Fields.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;

    /// <summary>True when someone else saved first: the form must be reloaded, not resubmitted.</summary>
    public bool IsConflict => _error?.Kind == ErrorKind.Conflict;

    /// <summary>What to say above the form: the server's message for conflicts and missing records, or for field errors no input shows.</summary>
    public string? Summary(IEnumerable<string> shownFields)
    {
        if (_error is null) return null;
        if (_error.Kind != ErrorKind.Validation) return _error.Message;
        var unshown = _error.Fields.Where(f => !shownFields.Contains(f.Key)).SelectMany(f => f.Value).ToList();
        return unshown.Count == 0 ? _error.Message : string.Join(" ", unshown);
    }
}
