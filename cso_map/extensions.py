"""Flask extensions, created unbound and initialised in `create_app`."""

from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from cso_map.models.base import Base
from cso_map.security import client_key

db = SQLAlchemy(metadata=Base.metadata)
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
compress = Compress()
login_manager = LoginManager()
limiter = Limiter(key_func=client_key, default_limits=[], headers_enabled=False)
