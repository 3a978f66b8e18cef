using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Bitrise.CodeSigning.Tests.Faults;

/// <summary>Makes malformed and mutated variants of a JSON body, reproducibly from a seeded <see cref="Random"/>.</summary>
internal sealed class JsonMutator(int seed)
{
    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "-", "1e999", "\\u00", "\\", "\u0000", "true", "\uFFFF", "\uD800"];

    private readonly Random _random = new(seed);

    /// <summary>Returns one variant of <paramref name="json"/>, made by one of the mutations picked at random.</summary>
    public byte[] Mutate(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return _random.Next(12) switch
        {
            0 => bytes[.._random.Next(bytes.Length)],
            1 => FlipBytes(bytes),
            2 => Insert(bytes, Encoding.UTF8.GetBytes(Fragments[_random.Next(Fragments.Length)])),
            3 => DeleteSpan(bytes),
            4 => DuplicateSpan(bytes),
            5 => Encoding.UTF8.GetBytes(ReplaceValue(json)),
            6 => Encoding.UTF8.GetBytes(new string('[', 1_000) + new string(']', 1_000)),
            7 => Insert(bytes, [0xC3, 0x28, 0xFF, 0xFE]),
            8 => [0xEF, 0xBB, 0xBF, .. bytes],
            9 => Encoding.UTF8.GetBytes(json.Replace("{", "{\"slug\":\"duplicate\",", StringComparison.Ordinal)),
            10 => Encoding.UTF8.GetBytes(_random.Next(4) switch { 0 => "null", 1 => "[]", 2 => "\"text\"", _ => "42" }),
            _ => Encoding.UTF8.GetBytes(ReplaceValue(ReplaceValue(json))),
        };
    }

    private byte[] FlipBytes(byte[] bytes)
    {
        var copy = bytes.ToArray();
        for (var count = 1 + _random.Next(3); count > 0; count--)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return copy;
    }

    private byte[] Insert(byte[] bytes, byte[] inserted)
    {
        var at = _random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. inserted, .. bytes[at..]];
    }

    private byte[] DuplicateSpan(byte[] bytes)
    {
        var start = _random.Next(bytes.Length);
        return Insert(bytes, bytes[start..Math.Min(bytes.Length, start + 8)]);
    }

    private byte[] DeleteSpan(byte[] bytes)
    {
        var start = _random.Next(bytes.Length);
        var length = 1 + _random.Next(Math.Min(16, bytes.Length - start));
        return [.. bytes[..start], .. bytes[(start + length)..]];
    }

    /// <summary>Replaces one value anywhere in the document with a value of another type, or removes it.</summary>
    private string ReplaceValue(string json)
    {
        var root = JsonNode.Parse(json);
        var containers = new List<JsonNode>();
        Collect(root, containers);
        if (containers.Count == 0)
        {
            return json;
        }

        var target = containers[_random.Next(containers.Count)];
        JsonNode? replacement = _random.Next(10) switch
        {
            0 => null,
            1 => JsonValue.Create(-1),
            2 => JsonValue.Create(long.MaxValue),
            3 => JsonValue.Create(1.5e300),
            4 => JsonValue.Create(new string('x', 10_000)),
            5 => JsonValue.Create(true),
            6 => new JsonArray(1, "two", null),
            7 => new JsonObject { ["unexpected"] = new JsonObject() },
            8 => JsonValue.Create(string.Empty),
            _ => JsonValue.Create("\u0000\uFFFD"),
        };

        if (target is JsonObject obj && obj.Count > 0)
        {
            var name = obj.ElementAt(_random.Next(obj.Count)).Key;
            if (_random.Next(4) == 0)
            {
                obj.Remove(name);
            }
            else
            {
                obj[name] = replacement;
            }
        }
        else if (target is JsonArray array && array.Count > 0)
        {
            array[_random.Next(array.Count)] = replacement;
        }

        return root?.ToJsonString() ?? "null";
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        if (node is JsonObject obj)
        {
            containers.Add(obj);
            foreach (var (_, value) in obj)
            {
                Collect(value, containers);
            }
        }
        else if (node is JsonArray array)
        {
            containers.Add(array);
            foreach (var item in array)
            {
                Collect(item, containers);
            }
        }
    }
}
