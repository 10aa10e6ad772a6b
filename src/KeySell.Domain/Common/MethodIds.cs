using System.Text;

namespace KeySell.Domain.Common;

/// <summary>
/// The method's stable identifiers are kebab-case (<c>even-keel</c>, <c>best-few</c>); enum
/// members are their PascalCase spelling. One conversion serves the database, the API, the sheet
/// format and the CLI so an id can never be spelled two ways.
/// </summary>
public static class MethodIds
{
    public static string ToId<T>(this T value) where T : struct, Enum => Of<T>.IdOf[value];

    public static bool TryParse<T>(string? id, out T value) where T : struct, Enum
    {
        if (id is not null && Of<T>.ValueOf.TryGetValue(id, out var found))
        {
            value = found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Parses an id straight from UTF-8 JSON text, so a reader need not make a string of every enum value.</summary>
    public static bool TryParseUtf8<T>(ReadOnlySpan<byte> utf8Id, out T value) where T : struct, Enum
    {
        foreach (var (id, found) in Of<T>.Utf8)
        {
            if (utf8Id.SequenceEqual(id))
            {
                value = found;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static T Parse<T>(string id) where T : struct, Enum =>
        TryParse<T>(id, out var value)
            ? value
            : throw new FormatException($"'{id}' is not one of: {string.Join(", ", AllIds<T>())}.");

    public static IReadOnlyList<string> AllIds<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(Of<T>.IdOf.ContainsKey).Select(v => v.ToId()).ToList();

    public static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The maps of one enum, typed, so a lookup neither boxes nor searches by <see cref="Type"/>; ids are read on hot paths.</summary>
    private static class Of<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ValueOf = Ids();
        public static readonly Dictionary<T, string> IdOf = ValueOf.ToDictionary(p => p.Value, p => p.Key);
        public static readonly (byte[] Id, T Value)[] Utf8 = [.. ValueOf.Select(p => (Encoding.UTF8.GetBytes(p.Key), p.Value))];

        private static Dictionary<string, T> Ids()
        {
            var byId = new Dictionary<string, T>(StringComparer.Ordinal);
            var isFlags = typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false);
            foreach (var value in Enum.GetValues<T>())
            {
                // In a set of flags (roles) the empty set is no id of its own; contact "none" is.
                if (isFlags && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0) continue;
                byId[Kebab(value.ToString())] = value;
            }
            return byId;
        }
    }
}
