"""The shared HTTP floor: what every stage that touches the network stands on.

    guard       which addresses a run may reach (private, loopback, link-local refused)
    transport   pacing per host, bodies capped as they stream, the peer checked once connected
    cassette    replay and record with vcrpy, secrets never written
    cache       the RFC 9111 page cache and the search-answer cache (hishel, SQLite)
    ratelimit   per-host token buckets shared by a run
    robots      robots.txt per origin (protego)
    http        BackendError, Retry-After, an HTTP error in one line
    api         rate-limited, cached JSON GETs for the search, fact-check and archive APIs
    archive     the Internet Archive's closest capture of a URL
"""
