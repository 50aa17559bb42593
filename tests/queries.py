from django.core.cache import cache


def cold_query_count(client, url, django_assert_max_num_queries):
    """Queries for a request right after the cache was emptied."""
    client.get(url)
    cache.clear()
    with django_assert_max_num_queries(1000) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
