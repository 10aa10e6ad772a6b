using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace KeySell.Cli;

/// <summary>
/// The API's JSON conventions (KeySell.Web's ApiSetup.ConfigureJson), which the CLI cannot reference: a script
/// that reads <c>--json</c> output sees the same names and ids as one that calls <c>/api</c>. Keep the two in step.
/// </summary>
public static class JsonConventions
{
    public static readonly JsonSerializerOptions Api = Create(indented: true);

    /// <summary>The same on one line, for values inside a table.</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // Chinese names go out as characters, not \u escapes.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = indented,
        };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }

    public static async Task WriteAsync<T>(Terminal terminal, T value) =>
        await terminal.Out.WriteLineAsync(JsonSerializer.Serialize(value, Api));
}
