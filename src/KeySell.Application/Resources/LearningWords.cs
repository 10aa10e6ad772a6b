using System.Globalization;
using System.Resources;

namespace KeySell.Application.Resources;

/// <summary>The learning pages' and API's words (titles, prompts, explanations) in the caller's UI culture, in the course's voice.</summary>
public static class LearningWords
{
    private static readonly ResourceManager Resources = new("KeySell.Application.Resources.Learning", typeof(LearningWords).Assembly);

    public static string Format(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"Missing learning resource '{name}'.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>Sentences one after the other: a space between them in English, none after Chinese "。".</summary>
    public static string Sentences(IEnumerable<string> sentences) => string.Join(Format("SentenceSeparator"), sentences);

    /// <summary>Items joined the way the language lists them ("A, B" / "A、B").</summary>
    public static string List(IEnumerable<string> items) => string.Join(Format("ListSeparator"), items);
}
