using System.Text.Json;
using KeySell.Application.Common;

namespace KeySell.Cli;

/// <summary>The API's JSON conventions (<see cref="ApiJson"/>) for <c>--json</c>: a script sees the same names and ids as from <c>/api</c>.</summary>
public static class JsonConventions
{
    public static readonly JsonSerializerOptions Api = Create(indented: true);

    /// <summary>The same on one line, for values inside a table.</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var json = new JsonSerializerOptions { WriteIndented = indented };
        ApiJson.Apply(json);
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }

    public static async Task WriteAsync<T>(Terminal terminal, T value) =>
        await terminal.Out.WriteLineAsync(JsonSerializer.Serialize(value, Api));
}
