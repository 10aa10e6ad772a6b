using System.Globalization;
using System.Resources;

namespace KeySell.Application.Resources;

/// <summary>Validation and refusal messages in the caller's UI culture (English or 简体中文).</summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("KeySell.Application.Resources.Messages", typeof(Messages).Assembly);

    public static string Format(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"Missing message resource '{name}'.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>A message in a given language, whatever the caller's (the ideal-customer defaults are matched in both).</summary>
    public static string InCulture(string name, CultureInfo culture) =>
        Resources.GetString(name, culture) ?? throw new InvalidOperationException($"Missing message resource '{name}'.");

    /// <summary>
    /// The message's name for a count: English says "1 opportunity" but "2 opportunities", so a message about a
    /// count has a <c>.One</c> form (in Chinese, which has one form, the same words).
    /// </summary>
    public static string ForCount(string name, int count) => count == 1 ? name + ".One" : name;
}
