using System.Text;
using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Rendering;

/// <summary>
/// Renders a resolved value tree as HOCON: an object as its fields (braces omitted at the root, one field per line), <c>key = value</c> or <c>key { ... }</c>,
/// newlines as separators, keys unquoted where that reads back as the same single key, strings always quoted
/// (so that text such as <c>true</c> or <c>10</c> stays text).
/// </summary>
internal static class HoconRenderer
{
    public static string Render(ConfigValue value)
    {
        var builder = new StringBuilder();
        if (value is ConfigObject root)
        {
            WriteFields(builder, root, 0);
        }
        else
        {
            // A single value renders as it would stand after "key = ", without a line end.
            Write(builder, value, 0);
        }

        return builder.ToString();
    }

    private static void WriteKey(StringBuilder builder, string key)
    {
        if (ConfigPath.NeedsQuotes(key))
        {
            JsonRenderer.AppendQuoted(builder, key);
        }
        else
        {
            builder.Append(key);
        }
    }

    private static void WriteFields(StringBuilder builder, ConfigObject obj, int depth)
    {
        foreach (var (key, child) in obj.Fields)
        {
            JsonRenderer.Indent(builder, depth);
            WriteKey(builder, key);
            if (child is ConfigObject)
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(" = ");
            }

            Write(builder, child, depth);
            builder.Append('\n');
        }
    }

    private static void Write(StringBuilder builder, ConfigValue value, int depth)
    {
        switch (value)
        {
            case ConfigObject obj:
                if (obj.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append("{\n");
                WriteFields(builder, obj, depth + 1);
                JsonRenderer.Indent(builder, depth);
                builder.Append('}');
                return;
            case ConfigArray array:
                if (array.Count == 0)
                {
                    builder.Append("[]");
                    return;
                }

                if (JsonRenderer.AllScalars(array))
                {
                    JsonRenderer.WriteInline(builder, array);
                    return;
                }

                builder.Append("[\n");
                foreach (var item in array.ItemArray)
                {
                    JsonRenderer.Indent(builder, depth + 1);
                    Write(builder, item, depth + 1);
                    builder.Append('\n');
                }

                JsonRenderer.Indent(builder, depth);
                builder.Append(']');
                return;
            case ConfigString s:
                JsonRenderer.AppendQuoted(builder, s.Value);
                return;
            case ConfigScalar scalar:
                builder.Append(scalar.Text);
                return;
            default:
                throw new InvalidOperationException($"cannot render {value.Describe()}: resolve the configuration first");
        }
    }
}
