namespace KeySell.Application.Common;

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    /// <summary>The caller may read the record but not change it (403).</summary>
    Forbidden,
}

/// <summary>
/// Why a use case refused. <see cref="Fields"/> maps a camelCase field path (as in the JSON the
/// caller sent, e.g. <c>objective.closeDate</c>) to its messages, so a form can show them inline.
/// </summary>
public sealed record Error(ErrorKind Kind, string Message, IReadOnlyDictionary<string, string[]> Fields)
{
    public static Error NotFound(string message) => new(ErrorKind.NotFound, message, new Dictionary<string, string[]>());
    public static Error Conflict(string message) => new(ErrorKind.Conflict, message, new Dictionary<string, string[]>());
    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message, new Dictionary<string, string[]>());
    public static Error Invalid(string field, string message) =>
        new(ErrorKind.Validation, message, new Dictionary<string, string[]> { [field] = [message] });
}

public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }
    public bool Succeeded => Error is null;
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"No value: {Error.Message}");

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);

    public TOut Match<TOut>(Func<T, TOut> ok, Func<Error, TOut> failed) => Error is null ? ok(_value!) : failed(Error);
}
