using System.Globalization;
using KeySell.Application.Resources;
using KeySell.Domain.Common;

namespace KeySell.Application.Common;

/// <summary>
/// Collects every problem of one write before refusing it, so the caller can fix all fields at
/// once. Messages come from resources in the current UI culture.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validation Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, Messages.Format("Required"));
        return MaxLength(field, value, maxLength);
    }

    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, Messages.Format("TooLong", maxLength));
        return this;
    }

    public Validation Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max)) Add(field, Messages.Format("OutOfRange", min, max));
        return this;
    }

    public Validation NotNegative(string field, decimal? value)
    {
        if (value is < 0) Add(field, Messages.Format("Negative"));
        return this;
    }

    public Validation Currency(string field, string? code)
    {
        if (code is not null && !Currencies.IsValid(code)) Add(field, Messages.Format("Currency", code));
        return this;
    }

    /// <summary>Parses an optional method id (kebab-case) into its enum, recording a clear error if it is not one.</summary>
    public T? Enum<T>(string field, string? id) where T : struct, System.Enum
    {
        if (id is null) return null;
        if (MethodIds.TryParse<T>(id, out var value)) return value;
        Add(field, Messages.Format("UnknownValue", id, string.Join(", ", MethodIds.AllIds<T>())));
        return null;
    }

    /// <summary>
    /// The red-flag ids a strength or an action works against (<paramref name="field"/>[n]): each a known id, recorded as
    /// an error otherwise; repeats dropped. The ids that passed, in the order given.
    /// </summary>
    public List<string> RedFlagIds(string field, IReadOnlyList<string>? ids)
    {
        var known = new List<string>();
        foreach (var (id, n) in (ids ?? []).Select((a, n) => (a, n)))
        {
            if (!Domain.RedFlags.RedFlagIds.IsKnown(id)) Add($"{field}[{n}]", Messages.Format("UnknownRedFlag", id, string.Join(", ", Domain.RedFlags.RedFlagIds.All)));
            else if (!known.Contains(id)) known.Add(id);
        }
        return known;
    }

    public Error ToError() =>
        new(ErrorKind.Validation, Messages.Format("ValidationFailed"),
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    public static class Currencies
    {
        private static readonly HashSet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
            .Where(c => c is { Length: 3 })
            .Select(c => c!)
            .ToHashSet(StringComparer.Ordinal);

        public static bool IsValid(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper) && (Codes.Count == 0 || Codes.Contains(code));
    }
}
