"""The Redis cache stores JSON, never pickle.

Django's Redis backend pickles every value and unpickles whatever it reads:
anyone who can write to the Redis could plant an object that runs code in the
portal. This serializer writes integers as they are (so ``incr`` works) and
everything else as JSON, and reads only integers and JSON; anything else
(a pickle, garbage) reads as a miss. Values must be JSON: the page cache
stores its pages as text with a base64 body (``aachen_portal.page_cache``).
"""

import json


class JSONSerializer:
    def dumps(self, obj):
        if type(obj) is int:
            return obj
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()

    def loads(self, data):
        try:
            return int(data)
        except ValueError:
            pass
        try:
            return json.loads(data)
        except ValueError:  # includes UnicodeDecodeError: not ours, never unpickled
            return None
