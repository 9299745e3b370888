namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>
/// The 32-bit string hash Akka.NET's sharding uses for shard ids (<c>MurmurHash.StringHash</c>, the MurmurHash
/// variant of Scala's old <c>scala.util.MurmurHash</c>): UTF-16 code units taken two at a time
/// (<c>(c0 &lt;&lt; 16) + c1</c>), a trailing odd unit alone, seeded with the length times the string seed,
/// two evolving magic streams, and the MurmurHash3 final mix. Same input, same value as Akka.NET, so an
/// entity lands in the same shard in both.
/// </summary>
public static class MurmurHash
{
    private const uint VisibleMagic = 0x971e137b;
    private const uint HiddenMagicA = 0x95543787;
    private const uint HiddenMagicB = 0x2ad7eb25;
    private const uint VisibleMixer = 0x52dce729;
    private const uint HiddenMixerA = 0x7b7d159c;
    private const uint HiddenMixerB = 0x6bce6396;
    private const uint FinalMixer1 = 0x85ebca6b;
    private const uint FinalMixer2 = 0xc2b2ae35;
    private const uint StringSeed = 0x331df49;

    /// <summary>The hash of a string's UTF-16 code units.</summary>
    public static int StringHash(ReadOnlySpan<char> s)
    {
        unchecked
        {
            var hash = ((uint)s.Length * StringSeed) ^ VisibleMagic;
            var magicA = HiddenMagicA;
            var magicB = HiddenMagicB;
            var j = 0;
            for (; j + 1 < s.Length; j += 2)
            {
                hash = Mix(hash, (uint)((s[j] << 16) + s[j + 1]), magicA, magicB);
                magicA = (magicA * 5) + HiddenMixerA;
                magicB = (magicB * 5) + HiddenMixerB;
            }

            if (j < s.Length)
            {
                hash = Mix(hash, s[j], magicA, magicB);
            }

            hash ^= hash >> 16;
            hash *= FinalMixer1;
            hash ^= hash >> 13;
            hash *= FinalMixer2;
            hash ^= hash >> 16;
            return (int)hash;
        }
    }

    private static uint Mix(uint hash, uint value, uint magicA, uint magicB) =>
        unchecked(((hash ^ (uint.RotateLeft(value * magicA, 11) * magicB)) * 3) + VisibleMixer);
}
