using System.Collections.Concurrent;
using System.Text;

namespace KeySell.Domain.Common;

/// <summary>
/// The method's stable identifiers are kebab-case (<c>even-keel</c>, <c>best-few</c>); enum
/// members are their PascalCase spelling. One conversion serves the database, the API, the sheet
/// format and the CLI so an id can never be spelled two ways.
/// </summary>
public static class MethodIds
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<string, object> ValueOf, Dictionary<object, string> IdOf)> Maps = new();

    public static string ToId<T>(this T value) where T : struct, Enum => Map(typeof(T)).IdOf[value];

    public static bool TryParse<T>(string? id, out T value) where T : struct, Enum
    {
        if (id is not null && Map(typeof(T)).ValueOf.TryGetValue(id, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    public static T Parse<T>(string id) where T : struct, Enum =>
        TryParse<T>(id, out var value)
            ? value
            : throw new FormatException($"'{id}' is not one of: {string.Join(", ", AllIds<T>())}.");

    public static IReadOnlyList<string> AllIds<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Map(typeof(T)).IdOf.ContainsKey(v)).Select(v => v.ToId()).ToList();

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

    private static (Dictionary<string, object> ValueOf, Dictionary<object, string> IdOf) Map(Type type) =>
        Maps.GetOrAdd(type, t =>
        {
            var byId = new Dictionary<string, object>(StringComparer.Ordinal);
            var ids = new Dictionary<object, string>();
            var isFlags = t.IsDefined(typeof(FlagsAttribute), inherit: false);
            foreach (var name in Enum.GetNames(t))
            {
                var value = Enum.Parse(t, name);
                // In a set of flags (roles) the empty set is no id of its own; contact "none" is.
                if (isFlags && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0) continue;
                var id = Kebab(name);
                byId[id] = value;
                ids[value] = id;
            }
            return (byId, ids);
        });
}
